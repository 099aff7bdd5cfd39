import { Project } from "ts-morph";
import { readDts } from "./src/parse/mod.ts";
import { loadSource } from "./src/parse/dts/_source.ts";
import { validateDeclarations } from "./src/ir/validate.ts";
import { createEmitContext } from "./src/emit/context.ts";
import { emitHeader } from "./src/emit/c/mod.ts";
import { tsModel } from "./src/emit/ts/model.ts";
import { emitDeno } from "./src/emit/deno/mod.ts";
import { emitBun } from "./src/emit/bun/mod.ts";
import { emitRust } from "./src/emit/rust/mod.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
const n = Number(process.argv[2] ?? 1000);
const text = synthDeclarations(n);
const st: Record<string, number[]> = {};
const t = <T>(k: string, f: () => T): T => { const a = performance.now(); const v = f(); (st[k] ??= []).push(performance.now() - a); return v; };
for (let i = 0; i < 25; i++) {
  t("floor", () => new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true, compilerOptions: { noLib: true, types: [], noResolve: true } }).createSourceFile("/s.d.ts", text));
  t("loadSource", () => loadSource(text, "s.d.ts"));
  const d = t("readDts", () => readDts(text, "s.d.ts"));
  t("validate", () => validateDeclarations(d));
  const cx = t("context", () => createEmitContext(d, "s", "./libs"));
  const h = t("header", () => emitHeader(cx));
  const m = t("model", () => tsModel(cx));
  const a = t("deno", () => emitDeno(cx, m));
  const b = t("bun", () => emitBun(cx, m));
  if (i === 0) console.log("sizes", text.length, h.length, a.length, b.length);
}
const med = (xs: number[]) => xs.slice(10).sort((a, b) => a - b)[(xs.length - 10) >> 1]!;
console.log(Object.entries(st).map(([k, v]) => `${k} ${med(v).toFixed(2)}`).join(" | "));
