/**
 * Builds one fuzz batch on disk (declarations → hostbind's generated header
 * and bindings, the C implementation → a shared library, the guest `.wat` →
 * `.wasm`) and runs it under each runtime, turning the guest's mismatch
 * record, a thrown error or a crash into a {@link BatchFailure}.
 *
 * @example
 * ```ts
 * import { buildAndRun } from "./batch.ts";
 * const outcome = await buildAndRun(sigs, ".tmp/fuzz/b0", { runtimes: ["deno", "bun"] });
 * outcome.failures; // [] when every bit came back right
 * ```
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cImplementation } from "./c_impl.ts";
import type { RunnerReport } from "./runner.ts";
import { declarationText, type FuzzSignature } from "./signature.ts";
import { assembleWat, compileSharedLibrary, exec, RUNTIMES, runtimeCommand, type Runtime } from "./tools.ts";
import { generate, parseDeclarations } from "../../src/generate.ts";
import { layout } from "../../src/layout/mod.ts";
import { callPaths, RUNTIME_MEMORY_PATH } from "../../src/layout/paths.ts";
import { ROOT } from "../support/tmp.ts";
import { argumentVectors } from "./values.ts";
import { watGuest } from "./wat_guest.ts";

/** One way a batch failed. */
export interface BatchFailure {
  /** The runtime it failed under, or `build` when generating or compiling failed. */
  runtime: Runtime | "build";
  /** Index of the failing signature in the batch when known, else -1. */
  imp: number;
  /** The guest's first mismatch, when the failure is a wrong bit (not a throw or crash). */
  report?: RunnerReport;
  /** What happened, for people. */
  message: string;
}

/** The result of a batch. */
export interface BatchOutcome {
  /** Every failure (empty = pass). */
  failures: BatchFailure[];
  /** Per runtime: NaNs that came back with another payload (allowed off the memory path; reported as information). */
  nanDiffs: Partial<Record<Runtime, number>>;
  /** Per runtime: NaNs checked bit for bit, on imports its bindings call through the memory path. */
  nanStrict?: Partial<Record<Runtime, number>>;
  /** Calls the guest made per runtime. */
  calls: number;
}

/** Options of {@link buildAndRun}. */
export interface BatchOptions {
  /** Runtimes to run under. */
  runtimes: readonly Runtime[];
  /** Plant a known bug in the C side (see `c_impl.ts`), to prove the fuzzer catches and shrinks it. */
  injectBug?: boolean;
}

const RUNNER = join(ROOT, "test/fuzz/runner.ts");

/** Writes and compiles everything a batch needs into `dir`. */
export async function buildBatch(sigs: readonly FuzzSignature[], dir: string, injectBug = false): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const decl = declarationText(sigs);
  writeFileSync(join(dir, "fz.d.ts"), decl);
  for (const f of generate(decl, { file: "fz.d.ts", name: "fz", lib: "./libfz" })) {
    writeFileSync(join(dir, f.path), f.contents);
  }
  // Per runtime, which imports its bindings call through the memory path: their NaNs must arrive bit for bit.
  const l = layout(parseDeclarations(decl, { file: "fz.d.ts" }));
  for (const rt of RUNTIMES) {
    writeFileSync(join(dir, `strict.${rt}.json`), JSON.stringify(callPaths(l, RUNTIME_MEMORY_PATH[rt]).map((p) => (p === "block" ? 1 : 0))));
  }
  writeFileSync(join(dir, "impl.c"), cImplementation(sigs, "fz.h", { injectBug }));
  writeFileSync(join(dir, "guest.wat"), watGuest(sigs));
  await Promise.all([
    compileSharedLibrary([join(dir, "impl.c")], join(dir, "libfz.so")),
    assembleWat(join(dir, "guest.wat"), join(dir, "guest.wasm")),
  ]);
}

/** Runs a built batch under one runtime. */
export async function runBatch(dir: string, runtime: Runtime): Promise<{ failure?: BatchFailure; nanDiffs: number; nanStrict: number }> {
  const abs = resolve(dir);
  const binding = join(abs, `fz.${runtime}.ts`);
  const [cmd, args] = runtimeCommand(runtime, RUNNER, [binding, join(abs, "guest.wasm"), join(abs, "libfz.so"), join(abs, `strict.${runtime}.json`)]);
  const r = await exec(cmd, args);
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.code !== 0 || !last.startsWith("{")) {
    const how = r.signal ? `was killed by ${r.signal}` : `exited with ${r.code}`;
    return { failure: { runtime, imp: -1, message: `${runtime} ${how}:\n${(r.stderr || r.stdout).trim().slice(0, 2000)}` }, nanDiffs: 0, nanStrict: 0 };
  }
  const report = JSON.parse(last) as RunnerReport;
  if (report.fails === 0) return { nanDiffs: report.nanDiffs, nanStrict: report.nanStrict };
  return {
    failure: { runtime, imp: report.imp, report, message: `${runtime}: ${report.fails} mismatching checks` },
    nanDiffs: report.nanDiffs,
    nanStrict: report.nanStrict,
  };
}

/** Builds the batch in `dir` and runs it under every requested runtime (concurrently). */
export async function buildAndRun(sigs: readonly FuzzSignature[], dir: string, options: BatchOptions): Promise<BatchOutcome> {
  const calls = sigs.reduce((n, s) => n + argumentVectors(s.params, s.valueSeed).length, 0);
  try {
    await buildBatch(sigs, dir, options.injectBug);
  } catch (e) {
    return { failures: [{ runtime: "build", imp: -1, message: String((e as Error)?.stack ?? e) }], nanDiffs: {}, calls };
  }
  const results = await Promise.all(options.runtimes.map((rt) => runBatch(dir, rt)));
  const nanDiffs: Partial<Record<Runtime, number>> = {};
  const nanStrict: Partial<Record<Runtime, number>> = {};
  options.runtimes.forEach((rt, i) => {
    nanDiffs[rt] = results[i]!.nanDiffs;
    nanStrict[rt] = results[i]!.nanStrict;
  });
  return { failures: results.flatMap((r) => (r.failure ? [r.failure] : [])), nanDiffs, nanStrict, calls };
}
