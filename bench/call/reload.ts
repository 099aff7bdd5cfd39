/**
 * The reload case of issue 22 item 2, in Deno (the runtime where it showed):
 * the 1-result import of a Host loaded after earlier Hosts of the same
 * library were closed, each closed before the next `load()` — or, with
 * `kept`, with one extra Host open the whole time. `bench/main.ts` runs it in
 * processes of its own (a `load()` changes what the other cases measure,
 * finding 5) and checks the fourth Host against the first; the last line is
 * JSON, `{ "ns": [first, after 1, after 2, after 3 cycles] }`.
 *
 * Usage: `deno run -A bench/call/reload.ts [closed|kept]` (after `bench/main.ts call` built bench/build/).
 *
 * @example
 * ```ts
 * // deno run -A bench/call/reload.ts
 * // closed: 8.1, 8.8, 8.8, 8.9 ns (first Host, then after 1, 2, 3 close/load cycles)
 * // {"ns":[8.1,8.8,8.8,8.9]}
 * ```
 * @module
 */
import type { BuildInfo } from "./build.ts";
import { type GeneratedModule, guest } from "./common.ts";
import { nsPerCall } from "../experiments/_time.ts";

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
console.log(JSON.stringify({ ns }));
