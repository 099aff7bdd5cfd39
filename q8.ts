import { generate } from "./src/generate.ts";
import { readDts } from "./src/parse/mod.ts";
import { createEmitContext } from "./src/emit/context.ts";
import { tsModel } from "./src/emit/ts/model.ts";
import { SourceWriter } from "./src/emit/writer.ts";
import * as E from "./src/emit/ts/emit.ts";
import { DENO } from "./src/emit/deno/mod.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
for (let i = 0; i < 3; i++) generate(synthDeclarations(20), { file: "synth.d.ts", lib: "./libsynth" });
const text = synthDeclarations(1000);
const d = readDts(text, "s.d.ts"); const cx = createEmitContext(d, "s", "./libs"); const m = tsModel(cx);
const st: Record<string, number[]> = {};
const t = <T>(k: string, f: () => T): T => { const a = performance.now(); const v = f(); (st[k] ??= []).push(performance.now() - a); return v; };
const P = (E as any).__parts;
for (let i = 0; i < 5; i++) {
  for (const [k, f] of Object.entries(P)) { const w = new SourceWriter(); t(k, () => (f as any)(w, cx, m, DENO)); t(k + ".toString", () => w.toString().length); }
}
const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
console.log(Object.entries(st).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join(" | "));
