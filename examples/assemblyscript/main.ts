/**
 * The AssemblyScript example, unchanged under Deno and Bun: a guest compiled
 * by `asc` whose `console.log`, `abort` and `add_scaled` imports are served by
 * native code (strings.c), which reads AssemblyScript strings from guest memory.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` once built.
 * @module
 */
import { readFile } from "node:fs/promises";

// One generated module per runtime, same API (docs/generated-api.md).
const { load, HostTrap } = "Deno" in globalThis
  ? await import("./gen/guest.deno.ts")
  : await import("./gen/guest.bun.ts");

/** The guest's exports, as assembly/index.ts defines them (`_start` from `asc --exportStart _start`). */
interface Guest {
  _start(): void;
  greet(n: number): number;
  check(n: number): number;
}

console.log(`runtime: ${navigator.userAgent}`);

using host = load();
const wasm = await readFile(new URL("./build/guest.wasm", import.meta.url));
const { instance } = await WebAssembly.instantiate(wasm, host.imports);
// The guest defines and exports its memory: bind it, then run the top-level
// code (compiled with --exportStart, so it did not run during instantiation).
host.bind(instance);
const guest = instance.exports as unknown as Guest;
guest._start();

console.log(`greet(3) = ${guest.greet(3)}`);
console.log(`check(7) = ${guest.check(7)}`);
try {
  guest.check(-1);
} catch (e) {
  if (!(e instanceof HostTrap)) throw e;
  console.log(`check(-1) trapped natively: code ${e.code}, ${e.message}`);
}
