/**
 * Markdown tables of the call-overhead results: one table per runtime with
 * ns/call and the ratios to the pure-JS floor and to the hand-written arrow
 * wrapper, then the fast-path probe and the PASS/FAIL lines.
 *
 * @example
 * ```ts
 * import { callOverheadMarkdown } from "./markdown.ts";
 * const md = callOverheadMarkdown({ machine: "2 cores", runs, checks });
 * // "## deno — Deno 2.9.6 …\n\n| case | ns/call | …"
 * ```
 * @module
 */
import { formatCheck, nsOf } from "./checks.ts";
import type { CallOverheadReport, RuntimeRun } from "./model.ts";
import { formatValue } from "./svg.ts";

/** The ids the ratio columns divide by. */
export const FLOOR_ID = "js_floor";
export const WRAPPER_ID = "ffi_arrow";

/**
 * The whole `call-overhead.md`.
 *
 * @example `callOverheadMarkdown(report).startsWith("# Call overhead"); // true`
 */
export function callOverheadMarkdown(report: CallOverheadReport): string {
  const out = [
    "# Call overhead",
    "",
    "ns per call, measured from a loop inside wasm (`run(n)` calls the import n times):",
    "the median round of each runner process, then the median over the processes (each",
    "process's median under `per process`; the fastest round of all as `min`). `× floor` divides by the pure-JS import,",
    "`× wrapper` by the hand-written arrow wrapper → FFI symbol. Written by `npm run bench`.",
    "",
    `Machine: ${report.machine}`,
    "",
  ];
  for (const run of report.runs) out.push(...runTable(run), "");
  out.push("## Targets", "", "```", ...report.checks.map(formatCheck), "```", "");
  return out.join("\n");
}

/**
 * One runtime's table (plus its probe table, when it has one).
 *
 * @example `runTable(run)[0]; // "## deno — Deno 2.9.6 (V8 …)"`
 */
export function runTable(run: RuntimeRun): string[] {
  const floor = nsOf(run, FLOOR_ID);
  const wrapper = nsOf(run, WRAPPER_ID);
  const ratio = (v: number, d: number | undefined) => (d ? `${(v / d).toFixed(2)}` : "—");
  const out = [
    `## ${run.runtime} — ${run.version}`,
    "",
    ...(run.note ? [`> ${run.note}`, ""] : []),
    "| case | ns/call | min | × floor | × wrapper | per process | n per run |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of run.results) {
    const perProcess = (r.processMedians ?? [r.nsPerCall]).map(formatValue).join(", ");
    out.push(
      `| ${r.group === "hostbind" ? "**" + escapeCell(r.label) + "**" : escapeCell(r.label)} | ${formatValue(r.nsPerCall)} | ${formatValue(r.minNs)} | ${ratio(r.nsPerCall, floor)} | ${ratio(r.nsPerCall, wrapper)} | ${perProcess} | ${r.n} |`,
    );
  }
  if (run.probe.length > 0) {
    out.push("", "Fast-path probe (who called the native function: JIT code = fast path, libffi = slow path):", "");
    out.push("| case | symbol | fast calls | slow calls | fast path |", "|---|---|---:|---:|---|");
    for (const p of run.probe) {
      out.push(`| ${p.id} | \`${p.symbol}\` | ${p.fast} | ${p.slow} | ${p.onFastPath ? "yes" : "**no**"} |`);
    }
  }
  return out;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|");
}
