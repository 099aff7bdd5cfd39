import { readDts } from "./src/parse/mod.ts";
import { synthDeclarations } from "./bench/codegen/synth.ts";
const text = synthDeclarations(1000);
for (let i = 0; i < 150; i++) readDts(text, "s.d.ts");
