/**
 * Experiment behind finding 2 of bench/README.md: what a second `load()` does
 * to the first Host's calls in Deno. (It once also patched a per-path library
 * cache into a copy of the generated module with `--cached`; the generated
 * module now does that itself.) Needs `deno run -A bench/main.ts call` once first.
 *
 * Usage: `deno run -A bench/experiments/reload.ts`
 *
 * @example
 * ```ts
 * // deno run -A bench/experiments/reload.ts
 * // as generated: one host: 6.2 ns; second host (same library): 7.3 ns; first host again: 7.3 ns
 * ```
 * @module
 */
import type { BuildInfo } from "../call/build.ts";
import { type GeneratedModule, guest } from "../call/common.ts";
import { nsPerCall } from "./_time.ts";

const info: BuildInfo = JSON.parse(Deno.readTextFileSync(new URL("../build/info.json", import.meta.url)));
const gen = info.generated!;
const path = gen.deno;
const mod = (await import(path)) as GeneratedModule;

function time(run: (n: number) => unknown): string {
  return `${nsPerCall(run).toFixed(1)} ns`;
}

const first = guest(info.guests.one!, mod.load(gen.lib).imports as WebAssembly.Imports).run;
const alone = time(first);
const second = guest(info.guests.one!, mod.load(gen.lib).imports as WebAssembly.Imports).run;
const secondNs = time(second);
const again = time(first);
console.log(`as generated: one host: ${alone}; second host (same library): ${secondNs}; first host again: ${again}`);
