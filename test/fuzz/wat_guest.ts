/**
 * Writes the wasm guest of a fuzz batch as `.wat`: for every import and
 * every argument vector it poisons the "seen" area, calls the import with
 * constant arguments, and checks bit for bit every result against the
 * expectation from `formula.ts` and every parameter the native side
 * recorded against what was passed. The first mismatch is written to a
 * record at address 0 that the runner reads back:
 *
 * | offset | field |
 * |---|---|
 * | 0  | i32 number of mismatches |
 * | 4  | i32 import index of the first |
 * | 8  | i32 argument vector index |
 * | 12 | i32 where: `0x100+k` result k, `0x200+j` parameter j as seen natively, `0x300` the tag |
 * | 16 | i64 expected bits |
 * | 24 | i64 got bits |
 * | 32 | i32 number of NaNs whose payload changed (allowed off the memory path, see README) |
 * | 36 | i32 number of NaNs checked bit for bit (imports on the memory path) |
 *
 * Before `run()` the runner writes, at {@link STRICT_OFFSET} + import index,
 * 1 for each import its runtime calls through the memory path: floats never
 * pass through JS there, so a NaN must come back with its payload.
 *
 * @example
 * ```ts
 * import { watGuest } from "./wat_guest.ts";
 * const wat = watGuest(sigs); // wat2wasm it, instantiate with host.imports, call run()
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";
import { WASM_TYPE } from "../../src/ir/types.ts";
import { expectedResults, seenTag } from "./formula.ts";
import { SEEN_OFFSET } from "./c_impl.ts";
import { FUZZ_MODULE, type FuzzSignature } from "./signature.ts";
import { argumentVectors } from "./values.ts";

/** Encodes "result k" in the record's `where` field. */
export const WHERE_RESULT = 0x100;
/** Encodes "parameter j as the native side saw it". */
export const WHERE_PARAM = 0x200;
/** Encodes "the tag naming the import that ran". */
export const WHERE_TAG = 0x300;

/** Where the runner marks the imports whose NaN payloads must arrive bit for bit (one byte each). */
export const STRICT_OFFSET = 32768;

/** What the native side's seen-slots hold before each call, so a skipped write shows. */
const POISON = 0xbadbadbadbadbad1n;

const HELPERS = `
  (memory (export "memory") 1)
  (global $imp (mut i32) (i32.const 0))
  (global $vec (mut i32) (i32.const 0))

  ;; Counts a mismatch; the first one is recorded for the report.
  (func $fail (param $where i32) (param $exp i64) (param $got i64)
    (if (i32.eqz (i32.load (i32.const 0)))
      (then
        (i32.store (i32.const 4) (global.get $imp))
        (i32.store (i32.const 8) (global.get $vec))
        (i32.store (i32.const 12) (local.get $where))
        (i64.store (i32.const 16) (local.get $exp))
        (i64.store (i32.const 24) (local.get $got))))
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1))))
  (func $nanDiff
    (i32.store (i32.const 32) (i32.add (i32.load (i32.const 32)) (i32.const 1))))
  ;; 1 when the current import is on the memory path of this runtime: its NaNs must keep their payload.
  (func $strict (result i32)
    (i32.load8_u (i32.add (i32.const ${STRICT_OFFSET}) (global.get $imp))))
  (func $nanStrict
    (i32.store (i32.const 36) (i32.add (i32.load (i32.const 36)) (i32.const 1))))
  (func $ci32 (param $got i32) (param $exp i32) (param $where i32)
    (if (i32.ne (local.get $got) (local.get $exp))
      (then (call $fail (local.get $where) (i64.extend_i32_u (local.get $exp)) (i64.extend_i32_u (local.get $got))))))
  (func $ci64 (param $got i64) (param $exp i64) (param $where i32)
    (if (i64.ne (local.get $got) (local.get $exp))
      (then (call $fail (local.get $where) (local.get $exp) (local.get $got)))))
  (func $nan32 (param $b i32) (result i32)
    (i32.gt_u (i32.and (local.get $b) (i32.const 0x7fffffff)) (i32.const 0x7f800000)))
  (func $nan64 (param $b i64) (result i32)
    (i64.gt_u (i64.and (local.get $b) (i64.const 0x7fffffffffffffff)) (i64.const 0x7ff0000000000000)))
  ;; Floats compare bit for bit, except that off the memory path a NaN may come back as another NaN.
  (func $cf32 (param $got i32) (param $exp i32) (param $where i32)
    (if (i32.and (call $nan32 (local.get $exp)) (call $strict)) (then (call $nanStrict)))
    (if (i32.ne (local.get $got) (local.get $exp))
      (then
        (if (i32.and (i32.and (call $nan32 (local.get $exp)) (call $nan32 (local.get $got))) (i32.eqz (call $strict)))
          (then (call $nanDiff))
          (else (call $fail (local.get $where) (i64.extend_i32_u (local.get $exp)) (i64.extend_i32_u (local.get $got))))))))
  (func $cf64 (param $got i64) (param $exp i64) (param $where i32)
    (if (i32.and (call $nan64 (local.get $exp)) (call $strict)) (then (call $nanStrict)))
    (if (i64.ne (local.get $got) (local.get $exp))
      (then
        (if (i32.and (i32.and (call $nan64 (local.get $exp)) (call $nan64 (local.get $got))) (i32.eqz (call $strict)))
          (then (call $nanDiff))
          (else (call $fail (local.get $where) (local.get $exp) (local.get $got)))))))
`;

function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

/** A constant of type `t` with exactly the bits `bits`. */
function constant(t: ValueType, bits: bigint): string {
  switch (WASM_TYPE[t]) {
    case "i32": return `(i32.const ${hex(bits)})`;
    case "i64": return `(i64.const ${hex(bits)})`;
    case "f32": return `(f32.reinterpret_i32 (i32.const ${hex(bits)}))`;
    case "f64": return `(f64.reinterpret_i64 (i64.const ${hex(bits)}))`;
  }
}

/** A check that `got` (an expression of type `t`) has the bits `exp`. */
function check(t: ValueType, got: string, exp: bigint, where: number): string {
  switch (WASM_TYPE[t]) {
    case "i32": return `(call $ci32 ${got} (i32.const ${hex(exp)}) (i32.const ${hex(BigInt(where))}))`;
    case "i64": return `(call $ci64 ${got} (i64.const ${hex(exp)}) (i32.const ${hex(BigInt(where))}))`;
    case "f32": return `(call $cf32 (i32.reinterpret_f32 ${got}) (i32.const ${hex(exp)}) (i32.const ${hex(BigInt(where))}))`;
    case "f64": return `(call $cf64 (i64.reinterpret_f64 ${got}) (i64.const ${hex(exp)}) (i32.const ${hex(BigInt(where))}))`;
  }
}

/** The seen-slot check for parameter `j`: floats as raw bits of their width, integers zero-extended. */
function checkSeen(t: ValueType, j: number, bits: bigint): string {
  const at = SEEN_OFFSET + 8 * (j + 1);
  const where = WHERE_PARAM + j;
  if (t === "f32") return `(call $cf32 (i32.load (i32.const ${at})) (i32.const ${hex(bits)}) (i32.const ${hex(BigInt(where))}))`;
  if (t === "f64") return `(call $cf64 (i64.load (i32.const ${at})) (i64.const ${hex(bits)}) (i32.const ${hex(BigInt(where))}))`;
  return `(call $ci64 (i64.load (i32.const ${at})) (i64.const ${hex(bits)}) (i32.const ${hex(BigInt(where))}))`;
}

/** One call of import `i` with argument bits `args`, and all its checks. */
function callAndCheck(i: number, sig: FuzzSignature, v: number, args: readonly bigint[]): string[] {
  const lines = [`;; vector ${v}`, `(global.set $vec (i32.const ${v}))`];
  const slots = sig.noctx ? 0 : sig.params.length + 1;
  for (let s = 0; s < slots; s++) lines.push(`(i64.store (i32.const ${SEEN_OFFSET + 8 * s}) (i64.const ${hex(POISON)}))`);
  lines.push(`(call $f${i} ${sig.params.map((t, j) => constant(t, args[j]!)).join(" ")})`);
  for (let k = sig.results.length - 1; k >= 0; k--) lines.push(`local.set $r${k}`);
  const exp = expectedResults(i, sig, args);
  sig.results.forEach((t, k) => lines.push(check(t, `(local.get $r${k})`, exp[k]!, WHERE_RESULT + k)));
  if (!sig.noctx) {
    lines.push(`(call $ci64 (i64.load (i32.const ${SEEN_OFFSET})) (i64.const ${hex(seenTag(i, sig.params.length))}) (i32.const ${hex(BigInt(WHERE_TAG))}))`);
    sig.params.forEach((t, j) => lines.push(checkSeen(t, j, args[j]!)));
  }
  return lines;
}

/** The test function of import `i`: every argument vector in turn. */
function testFunction(i: number, sig: FuzzSignature): string {
  const locals = sig.results.map((t, k) => `(local $r${k} ${WASM_TYPE[t]})`).join(" ");
  const body = [`(global.set $imp (i32.const ${i}))`];
  argumentVectors(sig.params, sig.valueSeed).forEach((args, v) => body.push(...callAndCheck(i, sig, v, args)));
  return `  (func $t${i} ${locals}\n${body.map((l) => `    ${l}`).join("\n")})`;
}

/** The import line of import `i`. */
function importLine(i: number, sig: FuzzSignature): string {
  const params = sig.params.length ? ` (param ${sig.params.map((t) => WASM_TYPE[t]).join(" ")})` : "";
  const results = sig.results.length ? ` (result ${sig.results.map((t) => WASM_TYPE[t]).join(" ")})` : "";
  return `  (import "${FUZZ_MODULE}" "${sig.name}" (func $f${i}${params}${results}))`;
}

/** The whole guest module; its export `run()` returns the number of mismatches. */
export function watGuest(sigs: readonly FuzzSignature[]): string {
  return [
    ";; Guest of a hostbind fuzz batch (written by test/fuzz/wat_guest.ts).",
    "(module",
    ...sigs.map((s, i) => importLine(i, s)),
    HELPERS,
    ...sigs.map((s, i) => testFunction(i, s)),
    `  (func (export "run") (result i32)`,
    ...sigs.map((_, i) => `    (call $t${i})`),
    "    (i32.load (i32.const 0)))",
    ")",
    "",
  ].join("\n");
}
