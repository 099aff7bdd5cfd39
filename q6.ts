import { Project } from "ts-morph";
import { generate } from "./src/generate.ts";
import { readDts } from "./src/parse/mod.ts";
import { loadSource } from "./src/parse/dts/_source.ts";
import { validateDeclarations } from "./src/ir/validate.ts";
import { createEmitContext } from "./src/emit/context.ts";
import { emitHeader } from "./src/emit/c/mod.ts";
import { tsModel } from "./src/emit/ts/model.ts";
import { emitDeno } from "./src/emit/deno/mod.ts";
import { emitBun } from "./src/emit/bun/mod.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
const n = Number(process.argv[2] ?? 1000);
for (let i = 0; i < 3; i++) generate(synthDeclarations(20), { file: "synth.d.ts", lib: "./libsynth" });
const text = synthDeclarations(n);
const st: Record<string, number[]> = {};
const t = <T>(k: string, f: () => T): T => { const a = performance.now(); const v = f(); (st[k] ??= []).push(performance.now() - a); return v; };
for (let i = 0; i < 5; i++) {
  if (process.argv[3] === "floor") t("floor", () => new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true, compilerOptions: { noLib: true, types: [], noResolve: true } }).createSourceFile("/s.d.ts", text));
  const d = t("readDts", () => readDts(text, "s.d.ts"));
  t("validate", () => validateDeclarations(d));
  const cx = t("context", () => createEmitContext(d, "s", "./libs"));
  const h = t("header", () => emitHeader(cx));
  const m = t("model", () => tsModel(cx));
  const a = t("deno", () => emitDeno(cx, m));
  const b = t("bun", () => emitBun(cx, m));
}
const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
let tot = 0; for (const [k, v] of Object.entries(st)) if (k !== "floor") tot += med(v);
console.log(Object.entries(st).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join(" | "), "| sum", tot.toFixed(1));
