/**
 * Where `generate()`'s time goes: runs each pipeline stage on its own
 * (ts-morph parse, hostbind's parser walk, validation, layout, each
 * emitter) on a synthetic file and prints ms per stage as JSON. Used by
 * `bench/main.ts` when the codegen target fails, and by hand:
 *
 * `deno run -A bench/codegen/stages.ts [--line-map] 10000`
 *
 * @example
 * ```ts
 * // deno run -A bench/codegen/stages.ts 1000
 * // {"size":1000,"stages":{"ts-morph parse":24.1,"parseDeclarations (incl. parse)":151.0,…}}
 * ```
 * @module
 */
import process from "node:process";
import { Project, SourceFile, ts } from "ts-morph";
import { parseDeclarations } from "../../src/parse/mod.ts";
import { validateDeclarations } from "../../src/ir/validate.ts";
import { layout } from "../../src/layout/mod.ts";
import { emitHeader } from "../../src/emit/c/mod.ts";
import { emitDeno } from "../../src/emit/deno/mod.ts";
import { emitBun } from "../../src/emit/bun/mod.ts";
import type { EmitContext } from "../../src/emit/context.ts";
import { synthDeclarations } from "./synth.ts";

/** Milliseconds each stage took on one file. */
export interface StageTimes {
  size: number;
  stages: Record<string, number>;
}

function timed<T>(stages: Record<string, number>, name: string, f: () => T): T {
  const t0 = performance.now();
  const v = f();
  stages[name] = Math.round((performance.now() - t0) * 10) / 10;
  return v;
}

/**
 * Times every stage of the pipeline on a synthetic file of `size` imports.
 *
 * @example `stageTimes(1000).stages["src/emit/c emitHeader"]; // ms`
 */
export function stageTimes(size: number): StageTimes {
  const text = synthDeclarations(size);
  const stages: Record<string, number> = {};
  timed(stages, "ts-morph parse (floor)", () =>
    new Project({
      useInMemoryFileSystem: true,
      skipLoadingLibFiles: true,
      skipFileDependencyResolution: true,
      compilerOptions: { noLib: true, types: [], noResolve: true },
    }).createSourceFile("/s.d.ts", text));
  const decls = timed(stages, "src/parse parseDeclarations (incl. parse)", () => parseDeclarations(text, "synth.d.ts"));
  timed(stages, "src/ir/validate validateDeclarations", () => validateDeclarations(decls));
  const l = timed(stages, "src/layout layout", () => layout(decls, { target: "x86_64-linux" }));
  const cx: EmitContext = { decls, layout: l, name: "synth", lib: "./libsynth" };
  timed(stages, "src/emit/c emitHeader", () => emitHeader(cx));
  timed(stages, "src/emit/deno emitDeno", () => emitDeno(cx));
  timed(stages, "src/emit/bun emitBun", () => emitBun(cx));
  return { size, stages };
}

/**
 * The experiment behind the parser finding in bench/README.md: replaces
 * ts-morph's `getLineAndColumnAtPos` (which counts newlines from the start of
 * the file on every call, O(file) per location, O(n²) per file) by the
 * compiler's cached line map (binary search). Same 1-based results.
 *
 * @example `useLineMapForLocations(); stageTimes(10000);`
 */
export function useLineMapForLocations(): void {
  const proto = SourceFile.prototype as unknown as {
    getLineAndColumnAtPos(this: SourceFile, pos: number): { line: number; column: number };
  };
  proto.getLineAndColumnAtPos = function (pos) {
    const { line, character } = ts.getLineAndCharacterOfPosition(this.compilerNode, pos);
    return { line: line + 1, column: character + 1 };
  };
}

if (import.meta.main) {
  if (process.argv.includes("--line-map")) useLineMapForLocations();
  const size = Number(process.argv[process.argv.length - 1]);
  stageTimes(20); // warm-up
  console.log(JSON.stringify(stageTimes(size)));
}
