/**
 * Finding 10's question: is the extra cost of Deno's mixed-type multi-result
 * cases the guest's own loop (the value conversions around each call) rather
 * than the crossing into native code? Each bench guest (`bench/build/
 * guest_*.wat`, from `bench/main.ts call`) runs here against a wasm callee of
 * the same shape from another module that returns its arguments (no JS, no
 * native code), beside the pure-JS floor; ns a call, best of three.
 *
 * Usage (from the repository root, after `deno run -A bench/main.ts call`):
 *   deno run -A bench/experiments/mixed_loop/run.ts
 */
import { nsPerCall } from "../_time.ts";

const HERE = new URL(".", import.meta.url).pathname;
const WAT2WASM = new URL("../../../node_modules/.bin/wat2wasm", import.meta.url).pathname;
const OUT = new URL("../../build/mixed_loop/", import.meta.url).pathname;
Deno.mkdirSync(OUT, { recursive: true });

/** Compiles `wat` with wabt's wat2wasm. */
async function compile(wat: string): Promise<WebAssembly.Module> {
  const wasm = `${OUT}${wat.slice(wat.lastIndexOf("/") + 1)}.wasm`;
  const r = await new Deno.Command(WAT2WASM, { args: [wat, "-o", wasm] }).output();
  if (!r.success) throw new Error(new TextDecoder().decode(r.stderr));
  return new WebAssembly.Module(Deno.readFileSync(wasm));
}

const shapes = ["one", "three_i64", "two_mixed", "four_mixed"];
const callee = new WebAssembly.Instance(await compile(`${HERE}identity.wat`)).exports;
const best: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  for (const shape of shapes) {
    const guest = new WebAssembly.Instance(await compile(`${HERE}../../build/guest_${shape}.wat`), { bench: { [shape]: callee[shape]! } });
    best[shape] = Math.min(best[shape] ?? Infinity, nsPerCall(guest.exports.run as (n: number) => bigint));
  }
}
const floorGuest = new WebAssembly.Instance(await compile(`${HERE}../../build/guest_one.wat`), { bench: { one: (a: number) => a } });
const floor = nsPerCall(floorGuest.exports.run as (n: number) => bigint);
for (const shape of shapes) console.log(`${shape.padEnd(11)} ${best[shape]!.toFixed(2)} ns with a wasm callee`);
console.log(`pure-JS floor ${floor.toFixed(2)} ns`);
