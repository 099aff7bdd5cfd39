/**
 * The data the benchmark reports: what each runtime runner prints and what
 * `bench/results/call-overhead.json` and `codegen.json` hold. Plain data,
 * shared by the runners, the report writers and their test.
 *
 * @example
 * ```ts
 * import type { RuntimeRun } from "./model.ts";
 * const run: RuntimeRun = { runtime: "deno", version: "Deno 2.9.6", results: [], probe: [] };
 * ```
 * @module
 */
import type { CallResult } from "../call/harness.ts";
import type { ProbeResult } from "../call/common.ts";

export type { CallResult, ProbeResult };

/** Everything one runtime's runner measured, in one process. */
export interface RuntimeRun {
  /** `deno` or `bun`. */
  runtime: "deno" | "bun" | "node";
  /** Runtime and engine version, for the record. */
  version: string;
  /** One row per case, in the order they were defined. */
  results: CallResult[];
  /** Fast-path probe results (Deno; empty where no probe applies). */
  probe: ProbeResult[];
  /** Anything the reader should know (e.g. why generated cases are missing). */
  note?: string;
}

/** One PASS/FAIL line. */
export interface TargetCheck {
  /** The runtime it is about, or `codegen`. */
  scope: string;
  /** What is checked, in words, including the threshold. */
  name: string;
  /** The measured value (a ratio, usually). */
  value: number;
  /** The threshold the value is compared with. */
  limit: number;
  /** The stretch goal, when there is one. */
  aim?: number;
  /** The value's unit as printed: `×` (a ratio, the default) or ` ms`. */
  unit?: string;
  /** Printed beside the value: what the check reports without comparing (e.g. the first run). */
  note?: string;
  pass: boolean;
  /** Why it could not be checked (then `pass` is false). */
  missing?: string;
  /**
   * The same ratio inside each runner process (each process's two medians),
   * when several were merged: printed beside the value, so a ratio near its
   * limit shows how close single processes came. The check uses `value`.
   */
  perProcess?: number[];
}

/** The whole call-overhead result set. */
export interface CallOverheadReport {
  /** Machine description (CPU model, cores), for the record. */
  machine: string;
  runs: RuntimeRun[];
  checks: TargetCheck[];
}

/** One codegen-throughput measurement (one fresh process). */
export interface CodegenSample {
  runtime: "deno" | "bun" | "node";
  /** Imports in the synthetic file. */
  size: number;
  /** `generate`: hostbind's `generate()` for all targets; `parse`: ts-morph's parse alone (the floor). */
  mode: "generate" | "parse";
  /** Characters of input. */
  inputChars: number;
  /** Characters of output (all files), or the parsed source's end for `parse`. */
  outputChars: number;
  /** The first timed run, ms (after a warm-up on a 20-import file). */
  firstMs: number;
  /** Median of the first five timed runs, ms: what the targets compare. */
  medianMs: number;
  /** Median of the timed runs after the tenth (the code well optimised), ms; absent with fewer runs. */
  warmMs?: number;
  /** Every timed run, ms. */
  times: number[];
  /** Resident set before the first timed run, MiB (runtime + loaded modules). */
  rssBeforeMiB: number;
  /** Peak resident set (VmHWM) after the first timed run, MiB. */
  peakMiB: number;
  /** When several processes were merged (`mergeSamples`): each one's median, ms. */
  processMedians?: number[];
}

/** The whole codegen result set. */
export interface CodegenReport {
  machine: string;
  samples: CodegenSample[];
  checks: TargetCheck[];
}
