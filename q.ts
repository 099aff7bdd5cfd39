import { Project } from "ts-morph";
import { generate } from "/work/main/src/generate.ts";
import { synthDeclarations } from "/work/main/bench/codegen/synth.ts";
const n = Number(process.argv[2] ?? 1000);
const text = synthDeclarations(n);
const parse = () => new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true, compilerOptions: { noLib: true, types: [], noResolve: true } }).createSourceFile("/s.d.ts", text).getEnd();
const gen = () => generate(text, { file: "synth.d.ts", lib: "./libsynth" }).length;
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const time = (f: () => number) => { const t = performance.now(); f(); return performance.now() - t; };
for (let i = 0; i < 10; i++) { parse(); gen(); }
const P: number[] = [], G: number[] = [];
for (let i = 0; i < 15; i++) { P.push(time(parse)); G.push(time(gen)); }
console.log(n, "parse", med(P).toFixed(1), "gen", med(G).toFixed(1), "ratio", (med(G) / med(P)).toFixed(2));
