/**
 * The argument vectors the guest passes, as raw bit patterns (`bigint`,
 * unsigned, 32 or 64 bits wide): "graffiti" patterns whose every byte says
 * which parameter and which byte it is, so a swapped, shifted or truncated
 * argument is recognisable in a failure report, then the extremes of every
 * type (0, -1, INT_MIN/MAX, 2^31, 2^53+1, -0.0, ±inf, NaNs with payloads,
 * subnormals).
 *
 * @example
 * ```ts
 * import { argumentVectors } from "./values.ts";
 * argumentVectors(["i32", "f64"])[0]; // [0x13121110n, 0x2726252423222120n]
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";
import { Prng } from "./prng.ts";

/** Bit width of a value type. */
export function widthOf(t: ValueType): 32 | 64 {
  return t === "i32" || t === "u32" || t === "f32" ? 32 : 64;
}

/** All-ones mask of a width. */
export function maskOf(t: ValueType): bigint {
  return widthOf(t) === 32 ? 0xffff_ffffn : 0xffff_ffff_ffff_ffffn;
}

const I32 = [0n, 0xffff_ffffn, 0x8000_0000n, 0x7fff_ffffn, 1n, 0x8000_0001n];
const I64 = [
  0n, 0xffff_ffff_ffff_ffffn, 0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn,
  0x8000_0000n, 0x1_0000_0000n, 0xffff_ffffn, 0x20_0000_0000_0001n /* 2^53+1: not a double */,
];
const F32 = [
  0n, 0x8000_0000n /* -0.0 */, 0x7f80_0000n /* +inf */, 0xff80_0000n /* -inf */,
  0x7fc0_0000n /* canonical NaN */, 0x7fc1_2345n /* NaN with payload */, 0xffc0_0000n /* -NaN */,
  0x7f80_0001n /* signalling NaN */, 1n /* smallest subnormal */, 0x007f_ffffn /* largest subnormal */,
  0x8000_0001n /* negative subnormal */, 0x7f7f_ffffn /* FLT_MAX */, 0x3f80_0000n /* 1.0 */,
];
const F64 = [
  0n, 0x8000_0000_0000_0000n, 0x7ff0_0000_0000_0000n, 0xfff0_0000_0000_0000n,
  0x7ff8_0000_0000_0000n, 0x7ff8_0000_dead_beefn, 0xfff8_0000_0000_0000n, 0x7ff0_0000_0000_0001n,
  1n, 0x000f_ffff_ffff_ffffn, 0x8000_0000_0000_0001n, 0x7fef_ffff_ffff_ffffn, 0x3ff0_0000_0000_0000n,
];

/** The extreme bit patterns tried for each type. */
export const EXTREMES: Readonly<Record<ValueType, readonly bigint[]>> = {
  i32: I32, u32: I32, i64: I64, u64: I64, f32: F32, f64: F64,
};

/** Number of graffiti vectors before the extremes. */
export const PATTERN_VECTORS = 2;

/** Number of random vectors after the extremes (when a value seed is given). */
export const RANDOM_VECTORS = 3;

/**
 * The graffiti value of parameter `p` in pattern vector `v`: byte `b` is
 * `(p+1)<<4 | b` in vector 0 and `0x80 | p<<3 | b` in vector 1 (the high bit
 * makes integers negative), truncated to the type's width.
 */
export function graffiti(t: ValueType, p: number, v: number): bigint {
  let bits = 0n;
  for (let b = 7; b >= 0; b--) {
    const byte = v === 0 ? ((p + 1) << 4) | b : 0x80 | (p << 3) | b;
    bits = (bits << 8n) | BigInt(byte & 0xff);
  }
  return bits & maskOf(t);
}

/** Random bits of `t`'s width. */
function randomBits(rng: Prng, t: ValueType): bigint {
  const lo = BigInt(rng.next());
  return widthOf(t) === 32 ? lo : (BigInt(rng.next()) << 32n) | lo;
}

/**
 * Every argument vector the guest calls an import with: the graffiti
 * vectors, then enough extreme vectors that each parameter takes every
 * extreme of its type (rotated by position, so neighbours differ), then
 * (given a `valueSeed`) a few vectors of random bits.
 */
export function argumentVectors(params: readonly ValueType[], valueSeed?: number): bigint[][] {
  const out: bigint[][] = [];
  for (let v = 0; v < PATTERN_VECTORS; v++) out.push(params.map((t, p) => graffiti(t, p, v)));
  const rounds = params.length === 0 ? 1 : Math.max(...params.map((t) => EXTREMES[t].length));
  for (let e = 0; e < rounds; e++) {
    out.push(params.map((t, p) => {
      const list = EXTREMES[t];
      return list[(e + p) % list.length]!;
    }));
  }
  if (params.length === 0) return out.slice(0, 1);
  if (valueSeed !== undefined) {
    const rng = new Prng(valueSeed);
    for (let r = 0; r < RANDOM_VECTORS; r++) out.push(params.map((t) => randomBits(rng, t)));
  }
  return out;
}

/** True when `bits` of a float type is a NaN. */
export function isNaNBits(t: ValueType, bits: bigint): boolean {
  if (t === "f32") return (bits & 0x7fff_ffffn) > 0x7f80_0000n;
  if (t === "f64") return (bits & 0x7fff_ffff_ffff_ffffn) > 0x7ff0_0000_0000_0000n;
  return false;
}
