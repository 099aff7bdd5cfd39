/**
 * The data side of the differential fuzzer (issue 20): random imports with
 * `string` and `Uint8Array` parameters and results mixed with value types,
 * the declaration text, and the C that implements them. Every function
 * computes one formula (also in `expect.ts`, for the runner): an FNV-1a
 * hash `h` over its parameters in order — a value as its 64-bit pattern
 * (integers zero-extended, floats' bits), a string or bytes as its length
 * (8 bytes) then its bytes — and returns
 *
 * - a value type: `h`, cut to its width (floats: those bits, never a NaN);
 * - a `string`: the string parameters joined, then `h` as 16 hex digits;
 * - a `Uint8Array`: every data parameter's bytes XOR 0x5A, then `h` (8 bytes, little-endian).
 *
 * @example
 * ```ts
 * import { Prng } from "../prng.ts";
 * import { dataDeclarationText, randomDataSignature } from "./signature.ts";
 * dataDeclarationText([randomDataSignature(new Prng(1), "f0")]).startsWith("export declare namespace fz {"); // true
 * ```
 * @module
 */
import { type DeclaredType, VALUE_TYPES, type ValueType } from "../../../src/ir/types.ts";
import type { Prng } from "../prng.ts";

/** One fuzzed import with data types. */
export interface DataSignature {
  /** The import name (`f3`); the C symbol is `fz_f3`. */
  name: string;
  /** Parameter types; parameter `k` is named `p{k}`. */
  params: DeclaredType[];
  /** The result type, `null` for none. */
  result: DeclaredType | null;
  /** Seeds the argument vectors (see `expect.ts`). */
  valueSeed: number;
  /** Declared `Promise<…>`: run off the JS thread, called from a guest export through `host.promising()`. */
  async: boolean;
}

/** Draws a signature with at least one `string` or `Uint8Array`. */
export function randomDataSignature(rng: Prng, name: string): DataSignature {
  const n = 1 + rng.int(5);
  const params = Array.from({ length: n }, (): DeclaredType => {
    const r = rng.int(10);
    return r < 4 ? "string" : r < 7 ? "bytes" : rng.pick(VALUE_TYPES);
  });
  const r = rng.int(20);
  const result: DeclaredType | null = r < 7 ? "string" : r < 14 ? "bytes" : r < 17 ? rng.pick(VALUE_TYPES) : null;
  if (!params.some((p) => p === "string" || p === "bytes") && result !== "string" && result !== "bytes") params[0] = "string";
  const valueSeed = rng.next();
  // Drawn last, so the other fields of a seed are what they were before async imports existed.
  return { name, params, result, valueSeed, async: rng.chance(0.2) };
}

const TS_NAME: Readonly<Record<DeclaredType, string>> = { ...Object.fromEntries(VALUE_TYPES.map((t) => [t, t])), string: "string", bytes: "Uint8Array" } as Record<DeclaredType, string>;

/** The declarations of a batch: module `fz`. */
export function dataDeclarationText(sigs: readonly DataSignature[]): string {
  const fns = sigs.map((s) => {
    const result = s.result === null ? "void" : TS_NAME[s.result];
    return `  function ${s.name}(${s.params.map((t, k) => `p${k}: ${TS_NAME[t]}`).join(", ")}): ${s.async ? `Promise<${result}>` : result};`;
  });
  return `export declare namespace fz {\n${fns.join("\n")}\n}\n`;
}

const WASM: Readonly<Record<ValueType, string>> = { i32: "i32", u32: "i32", i64: "i64", u64: "i64", f32: "f32", f64: "f64" };

/**
 * The guest of a batch: `guest.wat` (memory and an allocator; the runner calls
 * synchronous imports from JS) with, per async import, the import and an export
 * `call_NAME` that calls it with the same wire arguments — an async import is
 * only callable from the guest, through an export the runner calls via
 * `host.promising()`.
 */
export function dataGuestText(base: string, sigs: readonly DataSignature[]): string {
  const lines: string[] = [];
  const calls: string[] = [];
  for (const s of sigs.filter((sig) => sig.async)) {
    const wire = s.params.flatMap((t) => (t === "string" || t === "bytes" ? ["i32", "i32"] : [WASM[t]]));
    const data = s.result === "string" || s.result === "bytes";
    if (data) wire.push("i32");
    const params = wire.length === 0 ? "" : ` (param ${wire.join(" ")})`;
    const result = s.result !== null && !data ? ` (result ${WASM[s.result as ValueType]})` : "";
    lines.push(`  (import "fz" "${s.name}" (func $${s.name}${params}${result}))`);
    calls.push(`  (func (export "call_${s.name}")${params}${result} ${wire.map((_, k) => `(local.get ${k})`).join(" ")} (call $${s.name}))`);
  }
  const at = base.indexOf("(module") + "(module".length;
  return `${base.slice(0, at)}\n${lines.join("\n")}${base.slice(at).replace(/\)\s*$/, "")}\n${calls.join("\n")})\n`;
}

const C_VALUE: Readonly<Record<ValueType, string>> = { i32: "int32_t", u32: "uint32_t", i64: "int64_t", u64: "uint64_t", f32: "float", f64: "double" };

/** How a value parameter's 64-bit pattern is taken in C (integers zero-extended, floats' bits). */
function bitsOf(t: ValueType, v: string): string[] {
  if (t === "f32") return [`uint32_t b; memcpy(&b, &${v}, 4); x = b;`];
  if (t === "f64") return [`memcpy(&x, &${v}, 8);`];
  if (t === "i32") return [`x = (uint32_t)${v};`];
  return [`x = (uint64_t)${v};`];
}

/**
 * The C implementation of a batch (the formula in the module doc). With
 * `injectBug`, a `Uint8Array` result's bytes are XORed with 0x5B instead:
 * the self-test's planted bug, which the runner must catch.
 */
export function dataImplC(header: string, sigs: readonly DataSignature[], injectBug = false): string {
  // compileSharedLibrary defines HOSTBIND_IMPLEMENTATION (the header's call shims).
  const lines = [
    `#include "${header}"`,
    "#include <stdlib.h>",
    "",
    "static uint64_t fz_mix(uint64_t h, const void *data, size_t len) {",
    "  const uint8_t *p = (const uint8_t *)data;",
    "  size_t i;",
    "  for (i = 0; i < len; i++) h = (h ^ p[i]) * UINT64_C(0x100000001b3);",
    "  return h;",
    "}",
    "",
    "static uint64_t fz_mix64(uint64_t h, uint64_t x) {",
    "  uint8_t b[8];",
    "  int i;",
    "  for (i = 0; i < 8; i++) b[i] = (uint8_t)(x >> (8 * i));",
    "  return fz_mix(h, b, 8);",
    "}",
  ];
  for (const s of sigs) {
    const data = s.result === "string" || s.result === "bytes";
    const params = [
      ...(data ? ["hostbind_out *out"] : []),
      "hostbind_ctx *ctx",
      ...s.params.map((t, k) => `${t === "string" ? "hostbind_str" : t === "bytes" ? "hostbind_bytes" : C_VALUE[t]} p${k}`),
    ];
    const ret = s.result === null || data ? "void" : C_VALUE[s.result as ValueType];
    lines.push("", `${ret} fz_${s.name}(${params.join(", ")}) {`, "  uint64_t h = UINT64_C(0xcbf29ce484222325);", "  uint64_t x;", "  (void)ctx;", "  (void)x;");
    s.params.forEach((t, k) => {
      if (t === "string" || t === "bytes") lines.push(`  h = fz_mix64(h, (uint64_t)p${k}.len);`, `  h = fz_mix(h, p${k}.ptr, p${k}.len);`);
      else lines.push("  {", ...bitsOf(t, `p${k}`).map((l) => `    ${l}`), "    h = fz_mix64(h, x);", "  }");
    });
    const dataParams = s.params.map((t, k) => ({ t, k })).filter(({ t }) => t === "string" || t === "bytes");
    if (s.result === "string" || s.result === "bytes") {
      const strings = s.result === "string" ? dataParams.filter(({ t }) => t === "string") : dataParams;
      lines.push(`  size_t n = ${strings.map(({ k }) => `p${k}.len`).join(" + ") || "0"};`);
      lines.push("  uint8_t *buf = malloc(n + 17);", "  size_t at = 0;", "  int i;");
      for (const { k } of strings) {
        if (s.result === "string") lines.push(`  memcpy(buf + at, p${k}.ptr, p${k}.len);`, `  at += p${k}.len;`);
        else lines.push(`  for (size_t j = 0; j < p${k}.len; j++) buf[at++] = (uint8_t)(p${k}.ptr[j] ^ ${injectBug ? "0x5B" : "0x5A"});`);
      }
      if (s.result === "string") {
        lines.push("  for (i = 0; i < 16; i++) buf[at++] = (uint8_t)\"0123456789abcdef\"[(h >> (60 - 4 * i)) & 15];");
      } else {
        lines.push("  for (i = 0; i < 8; i++) buf[at++] = (uint8_t)(h >> (8 * i));");
      }
      lines.push("  hostbind_out_bytes(out, buf, at);", "  free(buf);");
    } else if (s.result !== null) {
      const t = s.result as ValueType;
      if (t === "f32") lines.push("  { uint32_t b = (uint32_t)h & 0x3fffffffu; float f; memcpy(&f, &b, 4); return f; }");
      else if (t === "f64") lines.push("  { uint64_t b = h & UINT64_C(0x3fffffffffffffff); double d; memcpy(&d, &b, 8); return d; }");
      else lines.push(`  return (${C_VALUE[t]})h;`);
    }
    lines.push("}");
  }
  return lines.join("\n") + "\n";
}
