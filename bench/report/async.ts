/**
 * Async-imports report (issue 23): per runtime, the event loop while a
 * guest waits on native work, four guests at once, and the cost of an async
 * import with no native work; the checks on them.
 *
 * @example
 * ```ts
 * import { asyncChecks, asyncMarkdown } from "./async.ts";
 * const rows = [{ runtime: "deno" as const, idleTicks: 46, waitTicks: 47, fourMs: 101, overheadUs: 15, firstMs: 2 }];
 * asyncChecks(rows).find((c) => c.name.startsWith("four"))?.pass; // true: 101 ≤ 150
 * asyncMarkdown("a machine", rows, asyncChecks(rows)).startsWith("# Async imports"); // true
 * ```
 * @module
 */
import { formatCheck } from "./checks.ts";
import type { TargetCheck } from "./model.ts";

/** One runtime's medians (see bench/async/run.ts). */
export interface AsyncRow {
  runtime: "deno" | "node" | "bun";
  /** Firings of a 1 ms interval in 100 ms with nothing else running. */
  idleTicks: number;
  /** The same while one guest waits on a 100 ms native sleep. */
  waitTicks: number;
  /** Wall time of four guests each waiting on a 100 ms native sleep at once, ms. */
  fourMs: number;
  /** µs per async call with no native work. */
  overheadUs: number;
  /** The process's first async call (no native work), ms: starting the threads async imports run on. */
  firstMs: number;
}

/** The most an async call with no native work may cost, µs (Bun's is reported, not checked). */
export const ASYNC_OVERHEAD_LIMIT: Readonly<Record<AsyncRow["runtime"], number | undefined>> = { deno: 30, node: 100, bun: undefined };

/** The checks per runtime. */
export function asyncChecks(rows: readonly AsyncRow[]): TargetCheck[] {
  return rows.flatMap((r) => {
    const scope = `async/${r.runtime}`;
    const limit = ASYNC_OVERHEAD_LIMIT[r.runtime];
    return [
      {
        scope,
        name: "a 1 ms timer fires ≥ 80 times while a guest waits on a 100 ms native sleep",
        value: r.waitTicks,
        limit: 80,
        unit: " times",
        note: `${r.idleTicks} with nothing running`,
        pass: r.waitTicks >= 80,
      },
      {
        scope,
        name: "the timer fires ≥ 0.9× as often as with nothing running",
        value: r.waitTicks / r.idleTicks,
        limit: 0.9,
        pass: r.waitTicks >= 0.9 * r.idleTicks,
      },
      { scope, name: "four guests each waiting on a 100 ms native sleep finish within 150 ms", value: r.fourMs, limit: 150, unit: " ms", pass: r.fourMs <= 150 },
      limit === undefined
        ? { scope, name: "an async import with no native work (reported)", value: r.overheadUs, limit: Infinity, unit: " µs", pass: true }
        : { scope, name: `an async import with no native work ≤ ${limit} µs`, value: r.overheadUs, limit, unit: " µs", pass: r.overheadUs <= limit },
    ];
  });
}

/** The whole `async.md`. */
export function asyncMarkdown(machine: string, rows: readonly AsyncRow[], checks: readonly TargetCheck[]): string {
  const how = { deno: "`nonblocking` FFI symbol", node: "libuv thread pool (`uv_queue_work`)", bun: "Worker pool, `Atomics.waitAsync`" } as const;
  return [
    "# Async imports",
    "",
    "A guest calling an async import (`Promise<T>`, docs/abi.md §9) is suspended while the native",
    "function runs off the JS thread. Per runtime, medians of the runs in one process",
    "(`bench/async/run.ts`): how often a 1 ms interval timer fires in 100 ms with nothing running and",
    "while a guest waits on a 100 ms native sleep, the wall time of four guests each waiting on one at",
    "once, the cost of an async call with no native work (1,000 in a loop inside the guest), and the",
    "process's first async call, which starts the threads async imports run on.",
    "Written by `npm run bench`.",
    "",
    `Machine: ${machine}`,
    "",
    "| runtime | how | 1 ms timer, idle | while waiting | four 100 ms sleeps, ms | no native work, µs | first call, ms |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) =>
      `| ${r.runtime} | ${how[r.runtime]} | ${r.idleTicks} | ${r.waitTicks} | ${r.fourMs.toFixed(1)} | ${r.overheadUs.toFixed(1)} | ${r.firstMs.toFixed(1)} |`
    ),
    "",
    "## Targets",
    "",
    "```",
    ...checks.map(formatCheck),
    "```",
    "",
  ].join("\n");
}
