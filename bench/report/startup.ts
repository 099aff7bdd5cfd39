/**
 * Start-up report: how long `hostbind --help` takes against the runtime's
 * own bare start, measured side by side in one run, and the checks on it.
 *
 * @example
 * ```ts
 * import { startupChecks, startupMarkdown } from "./startup.ts";
 * const rows = [{ runtime: "deno", bareMs: [60, 62], helpMs: [110, 112] }];
 * startupChecks(rows)[0]?.pass; // true: 111 / 61 ≤ 2
 * startupMarkdown("a machine", rows, startupChecks(rows)).startsWith("# Start-up"); // true
 * ```
 * @module
 */
import { median } from "../call/harness.ts";
import { formatCheck } from "./checks.ts";
import type { TargetCheck } from "./model.ts";

/** One runtime's wall-clock times, ms, of alternating runs of both commands. */
export interface StartupRow {
  runtime: "deno" | "node" | "bun";
  /** The bare start: `deno eval 0`, `node -e 0`, `bun -e 0`. */
  bareMs: number[];
  /** `hostbind --help` on that runtime. */
  helpMs: number[];
}

/** The most `--help` may take, as a multiple of the bare start (Bun starts in ~5 ms, so its bound is looser). */
export const STARTUP_LIMIT: Readonly<Record<StartupRow["runtime"], number>> = { deno: 2, node: 2, bun: 10 };

/** The check per runtime: median `--help` over median bare start. */
export function startupChecks(rows: readonly StartupRow[]): TargetCheck[] {
  return rows.map((r) => {
    const value = median(r.helpMs) / median(r.bareMs);
    const limit = STARTUP_LIMIT[r.runtime];
    return { scope: `startup/${r.runtime}`, name: `hostbind --help ≤ ${limit}× the runtime's bare start`, value, limit, pass: value <= limit };
  });
}

/** The whole `startup.md`. */
export function startupMarkdown(machine: string, rows: readonly StartupRow[], checks: readonly TargetCheck[]): string {
  const bare = { deno: "deno eval 0", node: "node -e 0", bun: "bun -e 0" } as const;
  const help = { deno: "deno run -A src/cli.ts --help", node: "node bin/hostbind.js --help", bun: "bun src/cli.ts --help" } as const;
  return [
    "# Start-up",
    "",
    "Wall-clock time of `hostbind --help` against the runtime starting with nothing to do, the two",
    "commands alternating in one run (median of the runs, ms). Help, `--version` and usage errors",
    "never load the pipeline or the TypeScript compiler. Written by `npm run bench`.",
    "",
    `Machine: ${machine}`,
    "",
    "| runtime | bare start | ms | `hostbind --help` | ms | × bare |",
    "|---|---|---:|---|---:|---:|",
    ...rows.map((r) =>
      `| ${r.runtime} | \`${bare[r.runtime]}\` | ${median(r.bareMs).toFixed(1)} | \`${help[r.runtime]}\` | ${median(r.helpMs).toFixed(1)} | ${(median(r.helpMs) / median(r.bareMs)).toFixed(2)} |`
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
