/**
 * The data fuzzer's argument vectors and expectations, shared by the test
 * (which draws the signatures) and the runner (which runs in Deno, Bun or
 * Node): random `string`s (UTF-8 with 1- to 4-byte sequences, now and then
 * not UTF-8), random bytes (0 to 64 KiB), now and then a view past the end of
 * memory, and the formula of `signature.ts` in TypeScript.
 *
 * @example
 * ```ts
 * import { fnv } from "./expect.ts";
 * fnv(0xcbf29ce484222325n, new Uint8Array(0)); // 0xcbf29ce484222325n
 * ```
 * @module
 */
import type { DeclaredType, ValueType } from "../../../src/ir/types.ts";
import { Prng } from "../prng.ts";

/** One argument: a value's 64-bit pattern, or data with whether the runner places it past the end of memory. */
export type Arg =
  | { kind: "value"; type: ValueType; bits: bigint }
  | { kind: "data"; type: "string" | "bytes"; bytes: Uint8Array; outside: boolean; invalid: boolean };

/** What a call must do: trap with a code naming a parameter, or return. */
export type Expected =
  | { kind: "trap"; code: number; param: string }
  | { kind: "value"; type: ValueType; bits: bigint }
  | { kind: "data"; bytes: Uint8Array }
  | { kind: "void" };

const MASK64 = (1n << 64n) - 1n;

/** FNV-1a 64 over `bytes`, continuing from `h`. */
export function fnv(h: bigint, bytes: Uint8Array): bigint {
  let x = h;
  for (const b of bytes) x = ((x ^ BigInt(b)) * 0x100000001b3n) & MASK64;
  return x;
}

/** `x` as 8 little-endian bytes. */
export function le64(x: bigint): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** Byte sequences that are not UTF-8: a bad continuation, a surrogate, a byte that never starts a sequence, an overlong form, a cut sequence. */
const INVALID: readonly number[][] = [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82]];

/** A length: mostly short, sometimes empty, now and then up to 64 KiB. */
function length(rng: Prng): number {
  const r = rng.int(100);
  if (r < 10) return 0;
  if (r < 50) return 1 + rng.int(16);
  if (r < 85) return 17 + rng.int(240);
  if (r < 97) return 257 + rng.int(4096);
  return 65536 - rng.int(3);
}

/** Random UTF-8 of about `n` bytes: ASCII, and 2-, 3- and 4-byte sequences. */
function utf8(rng: Prng, n: number): Uint8Array {
  const points: number[] = [];
  let bytes = 0;
  while (bytes < n) {
    const r = rng.int(10);
    let cp: number;
    if (r < 5) cp = 0x20 + rng.int(0x5f);
    else if (r < 7) cp = 0x80 + rng.int(0x780);
    else if (r < 9) {
      cp = 0x800 + rng.int(0xf800);
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xe000;
    } else cp = 0x10000 + rng.int(0x100000);
    points.push(cp);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return new TextEncoder().encode(String.fromCodePoint(...points));
}

/** A value type's random 64-bit pattern (floats finite, never NaN: the numeric fuzzer checks NaNs). */
function valueBits(rng: Prng, t: ValueType): bigint {
  const word = () => BigInt(rng.next() >>> 0);
  if (t === "i32" || t === "u32") return word();
  if (t === "i64" || t === "u64") return (word() << 32n) | word();
  if (t === "f32") return BigInt(rng.next() & 0x7f7fffff) & 0xbf7fffffn;
  return ((BigInt(rng.next() & 0x7fefffff) & 0xbfefffffn) << 32n) | word();
}

/** The arguments of vector `v` of a signature. */
export function dataArgs(params: readonly DeclaredType[], seed: number, v: number): Arg[] {
  const rng = new Prng((seed ^ Math.imul(v + 1, 0x9e3779b9)) >>> 0);
  return params.map((t): Arg => {
    if (t !== "string" && t !== "bytes") return { kind: "value", type: t, bits: valueBits(rng, t) };
    const n = length(rng);
    let bytes = t === "string" ? utf8(rng, n) : Uint8Array.from({ length: n }, () => rng.int(256));
    const invalid = t === "string" && rng.chance(0.06);
    if (invalid) {
      const bad = rng.pick(INVALID);
      const at = rng.int(bytes.length + 1);
      // At a character boundary, so the sequences around it stay whole.
      let cut = at;
      while (cut > 0 && cut < bytes.length && (bytes[cut]! & 0xc0) === 0x80) cut--;
      bytes = Uint8Array.from([...bytes.subarray(0, cut), ...bad, ...bytes.subarray(cut)]);
    }
    return { kind: "data", type: t, bytes, outside: rng.chance(0.04), invalid };
  });
}

/** The 64-bit pattern the C side hashes for a value (integers zero-extended to their width, then to 64 bits). */
function hashBits(t: ValueType, bits: bigint): bigint {
  return t === "i32" || t === "u32" || t === "f32" ? bits & 0xffffffffn : bits & MASK64;
}

/** What the call must do (the formula of `signature.ts`). */
export function expected(params: readonly DeclaredType[], result: DeclaredType | null, args: readonly Arg[]): Expected {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a.kind !== "data") continue;
    if (a.outside) return { kind: "trap", code: -32765, param: `p${k}` };
    if (a.invalid) return { kind: "trap", code: -32764, param: `p${k}` };
  }
  let h = 0xcbf29ce484222325n;
  for (const a of args) {
    if (a.kind === "value") h = fnv(h, le64(hashBits(a.type, a.bits)));
    else h = fnv(fnv(h, le64(BigInt(a.bytes.length))), a.bytes);
  }
  if (result === null) return { kind: "void" };
  if (result === "string") {
    const parts = args.flatMap((a) => (a.kind === "data" && a.type === "string" ? [a.bytes] : []));
    const hex = new TextEncoder().encode(h.toString(16).padStart(16, "0"));
    return { kind: "data", bytes: Uint8Array.from([...parts.flatMap((p) => [...p]), ...hex]) };
  }
  if (result === "bytes") {
    const parts = args.flatMap((a) => (a.kind === "data" ? [a.bytes.map((b) => b ^ 0x5a)] : []));
    return { kind: "data", bytes: Uint8Array.from([...parts.flatMap((p) => [...p]), ...le64(h)]) };
  }
  const t = result as ValueType;
  if (t === "f32") return { kind: "value", type: t, bits: h & 0x3fffffffn };
  if (t === "f64") return { kind: "value", type: t, bits: h & 0x3fffffffffffffffn };
  return { kind: "value", type: t, bits: t === "i32" || t === "u32" ? h & 0xffffffffn : h };
}
