import { generate } from "./src/generate.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
const text = synthDeclarations(1000);
for (let i = 0; i < 60; i++) generate(text, { file: "synth.d.ts", lib: "./libsynth" });
