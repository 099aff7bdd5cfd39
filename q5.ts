import { generate } from "./src/generate.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
for (let i = 0; i < 3; i++) generate(synthDeclarations(20), { file: "synth.d.ts", lib: "./libsynth" });
const text = synthDeclarations(1000);
const t = performance.now();
for (let i = 0; i < 5; i++) generate(text, { file: "synth.d.ts", lib: "./libsynth" });
console.error("gen", performance.now() - t);
