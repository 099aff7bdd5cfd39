/**
 * Experiment for issue 22 item 2: a Host loaded after earlier Hosts of the
 * same library were closed, in Deno — once with every Host closed before the
 * next `load()` (the library is closed and opened again), once with one extra
 * Host kept open the whole time (the library stays open). Needs
 * `deno run -A bench/main.ts call` once first (it uses bench/build/).
 *
 * Usage: `deno run -A bench/experiments/reload_cycles.ts`
 *
 * @example
 * ```ts
 * // deno run -A bench/experiments/reload_cycles.ts
 * // closed: 8.1, 8.8, 8.8, 8.9 ns (first Host, then after 1, 2, 3 close/load cycles)
 * // (before the library stayed open: 7.9, 70.6, 70.9, 71.3 ns)
 * ```
 * @module
 */
import type { BuildInfo } from "../call/build.ts";
import { type GeneratedModule, guest } from "../call/common.ts";
import { nsPerCall } from "./_time.ts";

const info: BuildInfo = JSON.parse(Deno.readTextFileSync(new URL("../build/info.json", import.meta.url)));
const gen = info.generated!;
const mode = Deno.args[0] ?? "closed";
const mod = (await import(gen.deno)) as GeneratedModule;

const keeper = mode === "kept" ? mod.load(gen.lib) : undefined;
const ns: number[] = [];
for (let cycle = 0; cycle < 4; cycle++) {
  const host = mod.load(gen.lib);
  ns.push(nsPerCall(guest(info.guests.one!, host.imports as WebAssembly.Imports).run));
  host.close();
}
keeper?.close();
console.log(`${mode}: ${ns.map((n) => n.toFixed(1)).join(", ")} ns (first Host, then after 1, 2, 3 close/load cycles)`);
