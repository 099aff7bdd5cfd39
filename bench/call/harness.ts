/**
 * The measuring loop both runtime runners share: warm every case up,
 * calibrate its iteration count, then time rounds in which every case runs
 * once (interleaved, so drift on a shared machine hits all cases alike),
 * checking each `run(n)` result against the expected sum.
 *
 * @example
 * ```ts
 * import { measureAll } from "./harness.ts";
 * const rows = measureAll([{ id: "floor", label: "pure JS", group: "baseline",
 *   run: (n) => guest.run(n), expected: (n) => expectedSum(SHAPE_ONE, n) }], { rounds: 7 });
 * rows[0].nsPerCall; // median ns per call
 * ```
 * @module
 */

/** One thing to time: a guest's `run(n)` with its imports already wired. */
export interface CallCase {
  /** Stable id, used by the report and the targets. */
  id: string;
  /** What it is, for people. */
  label: string;
  /** `baseline` (hand-written or plain FFI) or `hostbind` (generated bindings). */
  group: "baseline" | "hostbind";
  /** Calls the import n times from inside wasm; returns the accumulated value. */
  run: (n: number) => bigint | number;
  /** What `run(n)` must add up to (or, with `observe`, what `observe` must grow by). */
  expected: (n: number) => number;
  /** For imports with no result: reads the native side's running total. */
  observe?: () => number;
  /** Upper bound on iterations per timed run (slow cases), default 2^26. */
  maxN?: number;
}

/** The measurement of one case. */
export interface CallResult {
  id: string;
  label: string;
  group: "baseline" | "hostbind";
  /** Median over the rounds, ns per call. */
  nsPerCall: number;
  /** Fastest round, ns per call. */
  minNs: number;
  /** Every round, ns per call, in order. */
  samples: number[];
  /** Iterations per timed run. */
  n: number;
  /** True when every run returned the expected sum. */
  verified: boolean;
  /** When several processes were merged (`bench/report/merge.ts`): each one's median, ns per call. */
  processMedians?: number[];
}

/** Options of {@link measureAll}. */
export interface MeasureOptions {
  /** Timed rounds per case (≥ 5). @default 7 */
  rounds?: number;
  /** Wall time one timed run should take, ms. @default 60 */
  targetMs?: number;
  /** Called with progress lines. @default nothing */
  log?: (line: string) => void;
}

/**
 * Median of a non-empty list.
 *
 * @example `median([3, 1, 2]); // 2`
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Warms up, calibrates and times every case; throws if any sum is wrong.
 *
 * @example `measureAll(cases, { rounds: 7 })[0].nsPerCall;`
 */
export function measureAll(cases: readonly CallCase[], options: MeasureOptions = {}): CallResult[] {
  const rounds = Math.max(5, options.rounds ?? 7);
  const targetMs = options.targetMs ?? 60;
  const log = options.log ?? (() => {});
  const ns = cases.map((c) => {
    const n = calibrate(c, targetMs);
    log(`  ${c.id}: n = ${n}`);
    return n;
  });
  const samples: number[][] = cases.map(() => []);
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => samples[i]!.push(timeOnce(c, ns[i]!)));
  }
  return cases.map((c, i) => ({
    id: c.id,
    label: c.label,
    group: c.group,
    nsPerCall: median(samples[i]!),
    minNs: Math.min(...samples[i]!),
    samples: samples[i]!.map((x) => Math.round(x * 100) / 100),
    n: ns[i]!,
    verified: true,
  }));
}

/**
 * Runs `c` once with `n` iterations, checks the sum, returns ns per call.
 *
 * @example `timeOnce(c, 1_000_000); // ns per call, after checking the sum`
 */
export function timeOnce(c: CallCase, n: number): number {
  const before = c.observe?.() ?? 0;
  const t0 = performance.now();
  const got = c.run(n);
  const dt = performance.now() - t0;
  const value = c.observe ? c.observe() - before : Number(got);
  const want = c.expected(n);
  if (value !== want) {
    throw new Error(`${c.id}: run(${n}) added up to ${value}, expected ${want}; the calls did not all happen`);
  }
  return (dt * 1e6) / n;
}

/**
 * Warms `c` up (enough calls for the engines to tier the guest and the
 * wrappers up to their optimising compilers), then picks n so one run takes
 * about `targetMs`.
 */
function calibrate(c: CallCase, targetMs: number): number {
  const maxN = c.maxN ?? 1 << 26;
  for (let i = 0; i < 30; i++) timeOnce(c, 2000);
  let n = Math.min(20_000, maxN);
  for (;;) {
    const ns = timeOnce(c, n);
    const ms = (ns * n) / 1e6;
    if (ms >= targetMs / 4 || n >= maxN) {
      return Math.max(1000, Math.min(maxN, Math.round((n * targetMs) / Math.max(ms, 0.01))));
    }
    n = Math.min(maxN, n * 4);
  }
}
