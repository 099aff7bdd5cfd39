/**
 * Several runs of one runtime's runner (separate processes) merged into one:
 * each case's ns/call is the median over the processes of each process's
 * median round. Within a process the rounds are interleaved, so drift on a
 * busy machine hits every case alike; across processes what varies is the
 * JIT's work — which tier a call site reached, where its code was placed —
 * and on Bun that alone moved one case by ±7 % between processes running
 * identical code (bench/README.md, finding 2b). The median process is what
 * a user's program typically gets.
 *
 * @example
 * ```ts
 * import { mergeRuns } from "./merge.ts";
 * const run = mergeRuns([first, second, third]); // RuntimeRuns of one runtime, one per process
 * run.results[0].nsPerCall; // the median of the processes' medians
 * ```
 * @module
 */
import { median } from "../call/harness.ts";
import type { CallResult, CodegenSample, RuntimeRun } from "./model.ts";

/**
 * Merges runs of one runtime, case by case (matched by id; a case missing
 * from any run is dropped, so a ratio never mixes process counts). The
 * first run supplies version, probe and note; `processes` records how many
 * were merged.
 *
 * @example
 * ```ts
 * mergeRuns([run]).results; // run.results, with processes: 1 on each
 * ```
 */
export function mergeRuns(runs: readonly RuntimeRun[]): RuntimeRun {
  const first = runs[0];
  if (first === undefined) throw new Error("mergeRuns: no runs");
  if (runs.some((r) => r.runtime !== first.runtime)) throw new Error("mergeRuns: runs of different runtimes");
  const results: CallResult[] = [];
  for (const base of first.results) {
    const all = runs.map((r) => r.results.find((c) => c.id === base.id));
    if (all.some((c) => c === undefined)) continue;
    const cases = all as CallResult[];
    results.push({
      ...base,
      nsPerCall: median(cases.map((c) => c.nsPerCall)),
      minNs: Math.min(...cases.map((c) => c.minNs)),
      samples: cases.flatMap((c) => c.samples),
      processMedians: cases.map((c) => c.nsPerCall),
      verified: cases.every((c) => c.verified),
    });
  }
  return { ...first, results };
}

/**
 * Codegen samples of one runtime, size and mode from several fresh
 * processes, merged the same way: the median of the processes' medians
 * (the ts-morph floor alone moved 69–98 ms between processes at 10,000
 * imports), every timed run kept, the highest peak memory.
 *
 * @example
 * ```ts
 * mergeSamples([a, b, c]).medianMs; // the median of a, b and c's medians
 * ```
 */
export function mergeSamples(samples: readonly CodegenSample[]): CodegenSample {
  const first = samples[0];
  if (first === undefined) throw new Error("mergeSamples: no samples");
  if (samples.some((s) => s.runtime !== first.runtime || s.size !== first.size || s.mode !== first.mode)) {
    throw new Error("mergeSamples: samples of different runtimes, sizes or modes");
  }
  return {
    ...first,
    firstMs: median(samples.map((s) => s.firstMs)),
    medianMs: median(samples.map((s) => s.medianMs)),
    ...(samples.every((s) => s.warmMs !== undefined) ? { warmMs: median(samples.map((s) => s.warmMs!)) } : {}),
    times: samples.flatMap((s) => s.times),
    rssBeforeMiB: median(samples.map((s) => s.rssBeforeMiB)),
    peakMiB: Math.max(...samples.map((s) => s.peakMiB)),
    processMedians: samples.map((s) => s.medianMs),
  };
}
