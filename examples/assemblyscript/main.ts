/**
 * The AssemblyScript example, unchanged under Deno, Bun and Node 26: a guest compiled
 * by `asc` whose `console.log`, `abort` and `add_scaled` imports are served by
 * native code (strings.c), which reads AssemblyScript strings from guest memory.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load, HostTrap } from "./gen/guest.ts";

/** The guest's exports, as assembly/index.ts defines them (`_start` from `asc --exportStart _start`). */
interface Guest {
  _start(): void;
  greet(n: number): number;
  check(n: number): number;
}

console.log(`runtime: ${navigator.userAgent}`);

using host = load();
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
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
