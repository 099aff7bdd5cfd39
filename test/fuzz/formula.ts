/**
 * The fixed formula every fuzzed native function computes, in TypeScript
 * (the expectations baked into the wasm guest); `c_impl.ts` writes the same
 * formula in C. Result `k` of import `i` with `n` parameters:
 *
 * - `n = 0`: the graffiti constant `K(i, k)`;
 * - `k < n` and result type = type of parameter `k`: parameter `k` itself
 *   (identity, so -0.0, subnormals, infinities and NaNs travel back out);
 * - otherwise: `canon(param k mod n) XOR K(i, k)`, truncated to the
 *   result's width and reinterpreted as its type. `canon` is the raw bits,
 *   zero-extended, with any NaN replaced by the canonical quiet NaN so that
 *   NaN payloads (which JS may rewrite, see README) never reach an integer.
 *
 * `K(i, k)` encodes where it came from: high word `0xC0DE` and `i`, low word
 * `k<<28 | i<<12 | 0x5A5`.
 *
 * @example
 * ```ts
 * import { expectedResults } from "./formula.ts";
 * expectedResults(0, { params: ["i32"], results: ["i32", "i32"] }, [5n]); // [5n, 5n ^ K(0,1) & mask]
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";
import { isNaNBits, maskOf } from "./values.ts";

/** The graffiti constant of result `k` of import `i` (64 bits). */
export function graffitiConstant(i: number, k: number): bigint {
  const hi = 0xc0de_0000n | BigInt(i & 0xffff);
  const lo = (BigInt(k & 0xf) << 28n) | (BigInt(i & 0xffff) << 12n) | 0x5a5n;
  return (hi << 32n) | lo;
}

/** The tag the native side writes before the parameters it saw: `0x5EE` marker, count, import. */
export function seenTag(i: number, nparams: number): bigint {
  return (0x5ee0_0000n << 32n) | (BigInt(nparams) << 32n) | BigInt(i);
}

/** A parameter's bits with NaNs canonicalised (already zero-extended by construction). */
export function canon(t: ValueType, bits: bigint): bigint {
  if (!isNaNBits(t, bits)) return bits;
  return t === "f32" ? 0x7fc0_0000n : 0x7ff8_0000_0000_0000n;
}

/** How result `k` is derived, shared by the TS expectation and the C writer. */
export type Derivation =
  | { kind: "const"; constant: bigint }
  | { kind: "identity"; param: number }
  | { kind: "mix"; param: number; constant: bigint };

/** How result `k` of import `i` is computed from its parameters. */
export function derivation(i: number, params: readonly ValueType[], results: readonly ValueType[], k: number): Derivation {
  const n = params.length;
  if (n === 0) return { kind: "const", constant: graffitiConstant(i, k) };
  if (k < n && params[k] === results[k]) return { kind: "identity", param: k };
  return { kind: "mix", param: k % n, constant: graffitiConstant(i, k) };
}

/** The expected bit pattern of every result of import `i` for argument bits `args`. */
export function expectedResults(
  i: number,
  sig: { params: readonly ValueType[]; results: readonly ValueType[] },
  args: readonly bigint[],
): bigint[] {
  return sig.results.map((t, k) => {
    const d = derivation(i, sig.params, sig.results, k);
    if (d.kind === "const") return d.constant & maskOf(t);
    if (d.kind === "identity") return args[d.param]!;
    const p = sig.params[d.param]!;
    return (canon(p, args[d.param]!) ^ d.constant) & maskOf(t);
  });
}

