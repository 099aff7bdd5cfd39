/**
 * The rust-pair example, unchanged under Deno, Bun and Node 26: a Rust cdylib serves
 * two imports with several results each, filled into #[repr(C)] structs
 * through the out-pointer.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load, HostTrap } from "./gen/pair.ts";

/** The guest's exports, as guest.wat defines them (i64 travels as bigint). */
interface Guest {
  sum_mean(lo: bigint, hi: bigint): [bigint, number];
  rect(w: number, h: number): [number, number, number];
  mean_of_means(n: bigint): number;
}

console.log(`runtime: ${navigator.userAgent}`);

using host = load(); // ../build/libpair.so, the --lib given to hostbind
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
const { instance } = await WebAssembly.instantiate(wasm, host.imports);
// No host.bind(instance): this guest has no memory (the context still carries traps).
const guest = instance.exports as unknown as Guest;

// (i64, f64): the sum is exact beyond 2^53 because i64 stays a bigint.
for (const [lo, hi] of [[1n, 100n], [1n, 2_000_000_000n]] as const) {
  const [sum, mean] = guest.sum_mean(lo, hi);
  console.log(`sum_mean(${lo}, ${hi}) = sum ${sum}, mean ${mean}`);
}

// (u32, u32, f32): the f32 comes back as the nearest float32, widened to a JS number.
const [area, perimeter, aspect] = guest.rect(1920, 1080);
console.log(`rect(1920, 1080) = area ${area}, perimeter ${perimeter}, aspect ${aspect} (f32)`);
console.log(`  aspect === Math.fround(16 / 9): ${aspect === Math.fround(16 / 9)}`);

// A loop in the guest: 1000 calls, each returning two values.
console.log(`mean_of_means(1000) = ${guest.mean_of_means(1000n)}`);

// The Rust side traps by filling the context's trap fields, like hostbind_trap() in C.
try {
  guest.sum_mean(5n, 1n);
  console.log("sum_mean(5, 1) returned: expected a trap");
} catch (e) {
  if (!(e instanceof HostTrap)) throw e;
  console.log(`sum_mean(5, 1) trapped: HostTrap code ${e.code}: ${e.message}`);
}
