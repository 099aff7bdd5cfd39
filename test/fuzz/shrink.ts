/**
 * Minimises a failing signature: repeatedly tries simpler variants (fewer
 * results, fewer parameters, types replaced by `i32`, spelling flags off)
 * and keeps the first that still fails, until no variant fails. Every step
 * makes the signature strictly smaller, so it terminates.
 *
 * @example
 * ```ts
 * import { shrinkSignature } from "./shrink.ts";
 * const minimal = await shrinkSignature(sig, async (s) => (await check(s)).failed);
 * ```
 * @module
 */
import type { FuzzSignature } from "./signature.ts";

/** Simpler variants of `sig`, most aggressive first. */
export function simplerVariants(sig: FuzzSignature): FuzzSignature[] {
  const out: FuzzSignature[] = [];
  const without = <T>(list: readonly T[], i: number) => list.filter((_, j) => j !== i);
  for (let k = sig.results.length - 1; k >= 0; k--) out.push({ ...sig, results: without(sig.results, k) });
  for (let j = sig.params.length - 1; j >= 0; j--) out.push({ ...sig, params: without(sig.params, j) });
  sig.params.forEach((t, j) => {
    if (t !== "i32") out.push({ ...sig, params: sig.params.map((u, x) => (x === j ? "i32" : u)) });
  });
  sig.results.forEach((t, k) => {
    if (t !== "i32") out.push({ ...sig, results: sig.results.map((u, x) => (x === k ? "i32" : u)) });
  });
  if (sig.noctx) out.push({ ...sig, noctx: false });
  if (sig.async) out.push({ ...sig, async: false });
  if (sig.labelled) out.push({ ...sig, labelled: false });
  if (sig.tupleSingle) out.push({ ...sig, tupleSingle: false });
  return out;
}

/**
 * The smallest signature reachable from `sig` by {@link simplerVariants} for
 * which `fails` still holds. `onStep` hears about every accepted step.
 */
export async function shrinkSignature(
  sig: FuzzSignature,
  fails: (s: FuzzSignature) => Promise<boolean>,
  onStep: (s: FuzzSignature) => void = () => {},
): Promise<FuzzSignature> {
  let current = sig;
  for (;;) {
    let next: FuzzSignature | undefined;
    for (const v of simplerVariants(current)) {
      if (await fails(v)) {
        next = v;
        break;
      }
    }
    if (!next) return current;
    current = next;
    onStep(current);
  }
}
