/**
 * Writes the guest modules: `run(n)` calls one import n times from a loop
 * inside wasm and adds every result (as i64) to an accumulator it returns,
 * so no call can be optimised away and the sum proves the calls happened.
 *
 * @example
 * ```ts
 * import { guestWat } from "./wat.ts";
 * import { SHAPE_TWO } from "./cases.ts";
 * const wat = guestWat(SHAPE_TWO, "env", "f");
 * // (module (import "env" "f" (func $f (param i32) (result i32 i32))) … (export "run" …))
 * ```
 * @module
 */
import { WASM_TYPE, type ValueType } from "../../src/ir/types.ts";
import { watString } from "../../src/emit/wat.ts";
import type { GuestShape } from "./cases.ts";

/** How a counter `m` (an i32 local) becomes an argument of each type. */
const FROM_M: Readonly<Record<ValueType, string>> = {
  i32: "(local.get $m)",
  u32: "(local.get $m)",
  i64: "(i64.extend_i32_u (local.get $m))",
  u64: "(i64.extend_i32_u (local.get $m))",
  f32: "(f32.convert_i32_u (local.get $m))",
  f64: "(f64.convert_i32_u (local.get $m))",
};

/** How a result local becomes an i64 to accumulate. */
const TO_I64: Readonly<Record<ValueType, (x: string) => string>> = {
  i32: (x) => `(i64.extend_i32_s ${x})`,
  u32: (x) => `(i64.extend_i32_u ${x})`,
  i64: (x) => x,
  u64: (x) => x,
  f32: (x) => `(i64.trunc_f32_s ${x})`,
  f64: (x) => `(i64.trunc_f64_s ${x})`,
};

/**
 * The text of a guest that imports `module.name` with `shape`'s signature
 * and exports `memory` (one page, so `bind()` has something to point at)
 * and `run(n: i32) -> i64`.
 *
 * @example `guestWat(SHAPE_ONE, "env", "f").startsWith("(module"); // true`
 */
export function guestWat(shape: GuestShape, module: string, name: string): string {
  const params = shape.params.map((t) => WASM_TYPE[t]).join(" ");
  const results = shape.results.map((t) => WASM_TYPE[t]).join(" ");
  const sig = `${params ? ` (param ${params})` : ""}${results ? ` (result ${results})` : ""}`;
  const window = "(i32.shl (i32.and (local.get $i) (i32.const 255)) (i32.const 4))";
  const args = shape.arg === "ptr16"
    ? [window]
    : shape.arg === "win16"
    ? [window, "(i32.const 16)"]
    : shape.arg === "ret64"
    ? ["(i32.const 16)"]
    : shape.params.map((t) => FROM_M[t]);
  const locals = shape.results.map((t, k) => `(local $r${k} ${WASM_TYPE[t]})`).join(" ");
  // Multi-value results come off the stack last-first.
  const pops = shape.results.map((_, k) => `(local.set $r${shape.results.length - 1 - k})`);
  const adds = shape.results.map(
    (t, k) => `(local.set $acc (i64.add (local.get $acc) ${TO_I64[t](`(local.get $r${k})`)}))`,
  );
  // A data result: its length, from the return area at 16.
  if (shape.arg === "ret64") adds.push("(local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (i32.load offset=20 (i32.const 0)))))");
  const call = `(call $f ${args.join(" ")})`;
  return [
    "(module",
    `  (import ${watString(module)} ${watString(name)} (func $f${sig}))`,
    shape.sharedMemory ? `  (memory (export "memory") 1 1 shared)` : `  (memory (export "memory") 1)`,
    // What bind() looks for in every benchmark guest: the allocator of data results (one fixed
    // buffer: each result is read before the next call) and the export the guestcall case calls.
    `  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))`,
    `  (func (export "ident") (param i32) (result i32) (local.get 0))`,
    `  (func (export "run") (param $n i32) (result i64)`,
    `    (local $i i32) (local $m i32) (local $acc i64) ${locals}`,
    "    (if (i32.eqz (local.get $n)) (then (return (i64.const 0))))",
    "    (loop $l",
    "      (local.set $m (i32.and (local.get $i) (i32.const 65535)))",
    `      ${call}`,
    ...pops.map((p) => `      ${p}`),
    ...adds.map((a) => `      ${a}`),
    "      (local.set $i (i32.add (local.get $i) (i32.const 1)))",
    "      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))",
    "    (local.get $acc)))",
    "",
  ].join("\n");
}
