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
  runtime: "deno" | "bun";
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
  pass: boolean;
  /** Why it could not be checked (then `pass` is false). */
  missing?: string;
}

/** The whole call-overhead result set. */
export interface CallOverheadReport {
  /** Machine description (CPU model, cores), for the record. */
  machine: string;
  runs: RuntimeRun[];
  checks: TargetCheck[];
}
