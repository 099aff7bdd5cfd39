/**
 * Experiment behind finding 2 of bench/README.md: what a second `load()` does
 * to the first Host's calls in Deno, as generated and with the library cached
 * per path (a patched copy of the generated module, written next to it).
 * Needs `deno run -A bench/main.ts call` once first.
 *
 * Usage: `deno run -A bench/experiments/reload.ts [--cached]`
 *
 * @example
 * ```ts
 * // deno run -A bench/experiments/reload.ts
 * // one host: 8.1 ns; second host (same library): 60 ns; first host again: 70 ns
 * ```
 * @module
 */
import type { BuildInfo } from "../call/build.ts";
import { type GeneratedModule, guest } from "../call/common.ts";

const info: BuildInfo = JSON.parse(Deno.readTextFileSync(new URL("../build/info.json", import.meta.url)));
const gen = info.generated!;
let path = gen.deno;
if (Deno.args.includes("--cached")) {
  // One Deno.dlopen per path for the whole module: every Host calls the same symbol objects.
  const original = Deno.readTextFileSync(gen.deno);
  const open = "  const lib = openLibrary(libraryPath(path, LIBRARY_EXTENSION));";
  if (!original.includes(open)) throw new Error("the generated load() no longer has the line this experiment patches");
  const patched = original
    .replace(open, [
      "  const key = String(libraryPath(path, LIBRARY_EXTENSION));",
      "  const lib = LIBRARIES.get(key) ?? openLibrary(key);",
      "  LIBRARIES.set(key, lib);",
    ].join("\n"))
    .replace("export function load(", "const LIBRARIES = new Map<string, Deno.DynamicLibrary<typeof symbols>>();\n\nexport function load(")
    .replace(/^(\s*)lib\.close\(\);$/m, "$1// shared: closed with the process in this experiment");
  path = gen.deno.replace(/\.deno\.ts$/, ".cached.deno.ts");
  Deno.writeTextFileSync(path, patched);
}
const mod = (await import(path)) as GeneratedModule;

function time(run: (n: number) => unknown): string {
  for (let i = 0; i < 20; i++) run(100_000);
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    run(2_000_000);
    samples.push(((performance.now() - t0) * 1e6) / 2_000_000);
  }
  return `${samples.sort((a, b) => a - b)[2]!.toFixed(1)} ns`;
}

const first = guest(info.guests.one!, mod.load(gen.lib).imports as WebAssembly.Imports).run;
const alone = time(first);
const second = guest(info.guests.one!, mod.load(gen.lib).imports as WebAssembly.Imports).run;
const secondNs = time(second);
const again = time(first);
console.log(`${Deno.args.includes("--cached") ? "cached" : "as generated"}: one host: ${alone}; second host (same library): ${secondNs}; first host again: ${again}`);
