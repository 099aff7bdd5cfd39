/**
 * Codegen-throughput report: the checks ("grows linearly", "within 2× the
 * parse floor at 10,000 imports") and the Markdown table, from the samples
 * the fresh-process measurements printed.
 *
 * @example
 * ```ts
 * import { codegenChecks, codegenMarkdown } from "./codegen.ts";
 * const checks = codegenChecks(samples);
 * const md = codegenMarkdown({ machine, samples, checks });
 * ```
 * @module
 */
import { formatCheck } from "./checks.ts";
import type { CodegenReport, CodegenSample, TargetCheck } from "./model.ts";

/** The largest size, where the floor ratio is checked. */
export const LARGEST = 10_000;
/** The size the growth is compared against. */
export const REFERENCE = 1_000;

/**
 * The sample for one runtime, size and mode.
 *
 * @example `sampleOf(samples, "deno", 10000, "parse")?.medianMs;`
 */
export function sampleOf(
  samples: readonly CodegenSample[],
  runtime: string,
  size: number,
  mode: CodegenSample["mode"],
): CodegenSample | undefined {
  return samples.find((s) => s.runtime === runtime && s.size === size && s.mode === mode);
}

/**
 * The two codegen targets, per runtime that was measured.
 *
 * @example `codegenChecks(samples).map((c) => c.pass);`
 */
export function codegenChecks(samples: readonly CodegenSample[]): TargetCheck[] {
  const runtimes = [...new Set(samples.map((s) => s.runtime))].sort();
  return runtimes.flatMap((rt) => {
    const g10 = sampleOf(samples, rt, LARGEST, "generate");
    const p10 = sampleOf(samples, rt, LARGEST, "parse");
    const g1 = sampleOf(samples, rt, REFERENCE, "generate");
    const scope = `codegen/${rt}`;
    const floor: TargetCheck = g10 && p10
      ? { scope, name: "generate() at 10,000 imports ≤ 2× the ts-morph parse floor", value: g10.medianMs / p10.medianMs, limit: 2, pass: g10.medianMs / p10.medianMs <= 2 }
      : { scope, name: "generate() at 10,000 imports ≤ 2× the ts-morph parse floor", value: NaN, limit: 2, pass: false, missing: "sizes not measured" };
    // Linear growth: the cost per import at 10,000 at most 1.5× the cost per import at 1,000.
    const growth = g10 && g1 ? (g10.medianMs / LARGEST) / (g1.medianMs / REFERENCE) : NaN;
    const linear: TargetCheck = Number.isFinite(growth)
      ? { scope, name: "generate() grows linearly: ms/import at 10,000 ≤ 1.5× ms/import at 1,000", value: growth, limit: 1.5, pass: growth <= 1.5 }
      : { scope, name: "generate() grows linearly: ms/import at 10,000 ≤ 1.5× ms/import at 1,000", value: NaN, limit: 1.5, pass: false, missing: "sizes not measured" };
    return [floor, linear];
  });
}

/**
 * The whole `codegen.md` (plus `extra` sections, e.g. a stage breakdown).
 *
 * @example `codegenMarkdown({ machine, samples, checks }).startsWith("# Codegen throughput"); // true`
 */
export function codegenMarkdown(report: CodegenReport, extra: readonly string[] = []): string {
  const out = [
    "# Codegen throughput",
    "",
    "`generate()` for all targets (C header, Deno and Bun modules) on synthetic declaration files",
    "of mixed shapes; the floor is ts-morph parsing the same file. Each size and mode runs in fresh",
    "processes (parse and generate alternately): the median of each process's five timed runs after",
    "a warm-up on a 20-import file, then the median over the processes; peak memory is the highest",
    "VmHWM after a first timed run. Written by `npm run bench`.",
    "",
    `Machine: ${report.machine}`,
    "",
  ];
  const runtimes = [...new Set(report.samples.map((s) => s.runtime))].sort();
  for (const rt of runtimes) {
    out.push(`## ${rt}`, "");
    out.push(
      "| imports | parse floor ms | generate ms | × floor | µs/import | growth µs/import | peak MiB (parse) | peak MiB (generate) | output MiB |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    const sizes = [...new Set(report.samples.filter((s) => s.runtime === rt).map((s) => s.size))].sort((a, b) => a - b);
    let prev: CodegenSample | undefined;
    for (const size of sizes) {
      const p = sampleOf(report.samples, rt, size, "parse");
      const g = sampleOf(report.samples, rt, size, "generate");
      const growth = g && prev ? (((g.medianMs - prev.medianMs) / (size - prev.size)) * 1000).toFixed(1) : "—";
      out.push(
        `| ${size} | ${fmt(p?.medianMs)} | ${fmt(g?.medianMs)} | ${p && g ? (g.medianMs / p.medianMs).toFixed(2) : "—"} | ${g ? ((g.medianMs / size) * 1000).toFixed(1) : "—"} | ${growth} | ${fmt(p?.peakMiB)} | ${fmt(g?.peakMiB)} | ${g ? (g.outputChars / 1048576).toFixed(1) : "—"} |`,
      );
      if (g) prev = g;
    }
    out.push("");
  }
  out.push("## Targets", "", "```", ...report.checks.map(formatCheck), "```", "", ...extra);
  return out.join("\n");
}

function fmt(v: number | undefined): string {
  return v === undefined ? "—" : v.toFixed(1);
}
