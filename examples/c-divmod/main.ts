/**
 * The c-divmod example, unchanged under Deno, Bun and Node 26: loads libdivmod through
 * the generated bindings, instantiates the guest with the host's imports,
 * and calls the guest, which calls back into C.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load, HostTrap } from "./gen/divmod.ts";

/** The guest's exports, as guest.wat defines them. */
interface Guest {
  divide(a: number, b: number): [number, number];
  reduce(n: number, d: number): void;
  digit_sum(n: number): number;
}

console.log(`runtime: ${navigator.userAgent}`);

// No path: load() opens ../build/libdivmod.so (the --lib given to hostbind),
// relative to the generated file, with the platform's extension.
using host = load();
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
const { instance } = await WebAssembly.instantiate(wasm, host.imports);
// No host.bind(instance): this guest has no memory for the native side to
// see (ctx->memory stays NULL); guest-memory shows bind() at work.
const guest = instance.exports as unknown as Guest;

// env.divmod: two results, through an out-pointer into the call stub's memory.
for (const [a, b] of [[17, 5], [-17, 5]] as const) {
  const [quot, rem] = guest.divide(a, b);
  console.log(`divide(${a}, ${b}) = quot ${quot}, rem ${rem}`);
}

// env.gcd (one result) and env.report (none), which prints from C.
console.log("reduce(84, 36):");
guest.reduce(84, 36);

// A loop in the guest, calling env.divmod once per digit.
console.log(`digit_sum(9875) = ${guest.digit_sum(9875)}`);

// hostbind_trap() in C becomes a HostTrap thrown to the guest's caller.
try {
  guest.divide(1, 0);
  console.log("divide(1, 0) returned: expected a trap");
} catch (e) {
  if (!(e instanceof HostTrap)) throw e;
  console.log(`divide(1, 0) trapped: HostTrap code ${e.code}: ${e.message}`);
}
