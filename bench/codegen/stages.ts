/**
 * Where `generate()`'s time goes: runs each pipeline stage on its own
 * (ts-morph parse, hostbind's parser walk, validation, layout, each
 * emitter) on a synthetic file and prints ms per stage as JSON. Used by
 * `bench/main.ts` when the codegen target fails, and by hand:
 *
 * `deno run -A bench/codegen/stages.ts 10000` (medians of 3 warm rounds)
 *
 * @example
 * ```ts
 * // deno run -A bench/codegen/stages.ts 1000
 * // {"size":1000,"stages":{"ts-morph parse (floor)":9.8,"src/parse/dts loadSource (ts.createSourceFile)":7.1,…}}
 * ```
 * @module
 */
import process from "node:process";
import { Project } from "ts-morph";
import { readDts } from "../../src/parse/mod.ts";
import { loadSource } from "../../src/parse/dts/_source.ts";
import { validateDeclarations } from "../../src/ir/validate.ts";
import { emitHeader } from "../../src/emit/c/mod.ts";
import { tsModel } from "../../src/emit/ts/model.ts";
import { emitDeno } from "../../src/emit/deno/mod.ts";
import { emitBun } from "../../src/emit/bun/mod.ts";
import { createEmitContext } from "../../src/emit/context.ts";
import { synthDeclarations } from "./synth.ts";

/** Milliseconds each stage took on one file (the median of the timed rounds). */
export interface StageTimes {
  size: number;
  stages: Record<string, number>;
}

/** One round: every stage once, in pipeline order; returns ms per stage. */
function round(text: string): Record<string, number> {
  const stages: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const v = f();
    stages[name] = performance.now() - t0;
    return v;
  };
  timed("ts-morph parse (floor)", () =>
    new Project({
      useInMemoryFileSystem: true,
      skipLoadingLibFiles: true,
      skipFileDependencyResolution: true,
      compilerOptions: { noLib: true, types: [], noResolve: true },
    }).createSourceFile("/s.d.ts", text));
  // The compiler's parse on its own, then the whole reader (parse and walk).
  timed("src/parse/dts loadSource (ts.createSourceFile)", () => loadSource(text, "synth.d.ts"));
  const decls = timed("src/parse readDts (parse and walk)", () => readDts(text, "synth.d.ts"));
  timed("src/ir/validate validateDeclarations", () => validateDeclarations(decls));
  const cx = timed("src/emit/context createEmitContext (x86_64 and i686 layouts)", () => createEmitContext(decls, "synth", "./libsynth"));
  timed("src/emit/c emitHeader", () => emitHeader(cx));
  // The TS model (with the stub) is built once by generate() and handed to both modules; timed on its own.
  const model = timed("src/emit/ts tsModel (incl. buildStub)", () => tsModel(cx));
  timed("src/emit/deno emitDeno", () => emitDeno(cx, model));
  timed("src/emit/bun emitBun", () => emitBun(cx, model));
  return stages;
}

/**
 * Times every stage of the pipeline on a synthetic file of `size` imports:
 * one untimed warm-up round on the same file (so the JIT has seen this size),
 * then the median of `rounds` timed rounds per stage, in ms.
 *
 * @example `stageTimes(1000).stages["src/emit/c emitHeader"]; // ms`
 */
export function stageTimes(size: number, rounds = 3): StageTimes {
  const text = synthDeclarations(size);
  round(text);
  const all = Array.from({ length: rounds }, () => round(text));
  const stages: Record<string, number> = {};
  for (const name of Object.keys(all[0]!)) {
    const xs = all.map((r) => r[name]!).sort((a, b) => a - b);
    stages[name] = Math.round(xs[xs.length >> 1]! * 10) / 10;
  }
  return { size, stages };
}

if (import.meta.main) {
  const size = Number(process.argv[process.argv.length - 1]);
  console.log(JSON.stringify(stageTimes(size)));
}
