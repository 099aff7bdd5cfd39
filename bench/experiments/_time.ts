/**
 * The timing the Deno experiments share: warm up, then the median of five
 * runs of two million calls, in ns per call.
 *
 * @example
 * ```ts
 * import { nsPerCall } from "./_time.ts";
 * nsPerCall((n) => { for (let i = 0; i < n; i++); }); // e.g. 0.3
 * ```
 * @module
 */

/** ns per call of `run(n)` (n calls): warmed up, then the median of five timed runs. */
export function nsPerCall(run: (n: number) => unknown): number {
  for (let i = 0; i < 20; i++) run(100_000);
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    run(2_000_000);
    samples.push(((performance.now() - t0) * 1e6) / 2_000_000);
  }
  return samples.sort((a, b) => a - b)[2]!;
}
