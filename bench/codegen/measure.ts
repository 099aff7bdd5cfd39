/**
 * One codegen-throughput measurement in a fresh process (so its peak memory
 * is its own): `generate()` for all targets, or the ts-morph parse alone
 * (the floor), on a synthetic file of SIZE imports. Prints one JSON
 * `CodegenSample` on stdout. Runs in Deno or Bun.
 *
 * Usage: `deno run -A bench/codegen/measure.ts SIZE generate|parse [REPS]`
 *
 * `medianMs` is the median of the first five timed runs (the regime the
 * targets are set in: the code is still warming up, as in one CLI run);
 * with 15 or more runs, `warmMs` is the median of those after the tenth.
 *
 * @example
 * ```ts
 * // deno run -A bench/codegen/measure.ts 1000 generate 3
 * // {"runtime":"deno","size":1000,"mode":"generate","medianMs":…,"peakMiB":…}
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { Project } from "ts-morph";
import { generate } from "../../src/generate.ts";
import { median } from "../call/harness.ts";
import type { CodegenSample } from "../report/model.ts";
import { synthDeclarations } from "./synth.ts";

/** The parse floor: what the parser's own `loadSource` does before any hostbind logic. */
function parseOnly(text: string): number {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    compilerOptions: { noLib: true, types: [], noResolve: true },
  });
  return project.createSourceFile("/synth.d.ts", text, { overwrite: true }).getEnd();
}

/** `generate()` for every target; returns the output size so nothing is dead code. */
function generateAll(text: string): number {
  return generate(text, { file: "synth.d.ts", lib: "./libsynth" }).reduce((n, f) => n + f.contents.length, 0);
}

/** Peak and current resident set size of this process, MiB (Linux /proc). */
function memory(): { peakMiB: number; rssMiB: number } {
  const status = readFileSync("/proc/self/status", "utf8");
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { peakMiB: kib("VmHWM") / 1024, rssMiB: kib("VmRSS") / 1024 };
}

const [sizeArg, modeArg, repsArg] = process.argv.slice(process.argv[1]?.endsWith("measure.ts") ? 2 : 1);
const size = Number(sizeArg);
const mode = modeArg === "parse" ? "parse" : "generate";
const reps = Math.max(1, Number(repsArg ?? 3));
const op = mode === "parse" ? parseOnly : generateAll;
const text = synthDeclarations(size);
// Warm up module loading and the JIT on a small file, so the timed runs measure the work.
for (let i = 0; i < 3; i++) op(synthDeclarations(20));
const before = memory();
const times: number[] = [];
let outputChars = 0;
let peakMiB = NaN;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  outputChars = op(text);
  times.push(performance.now() - t0);
  // The first run's peak: later runs can only reuse what it allocated.
  if (r === 0) peakMiB = memory().peakMiB;
}
const warm = times.slice(10);
const sample: CodegenSample = {
  runtime: "Deno" in globalThis ? "deno" : "bun",
  size,
  mode,
  inputChars: text.length,
  outputChars,
  firstMs: times[0]!,
  medianMs: median(times.slice(0, 5)),
  ...(warm.length >= 5 ? { warmMs: median(warm) } : {}),
  times: times.map((t) => Math.round(t * 10) / 10),
  rssBeforeMiB: before.rssMiB,
  peakMiB,
};
console.log(JSON.stringify(sample));
