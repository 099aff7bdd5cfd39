/**
 * The guest-memory example, unchanged under Deno, Bun and Node 26: C code reads and
 * writes the guest's linear memory through the context, keeps doing so after
 * the guest grows its memory, and traps on an out-of-bounds range.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load, HostTrap } from "./gen/memory.ts";

/** The guest's exports, as guest.wat defines them. */
interface Guest {
  memory: WebAssembly.Memory;
  checksum(ptr: number, len: number): number;
  upcase(ptr: number, len: number): number;
  host_size(): bigint;
  grow(pages: number): number;
}

console.log(`runtime: ${navigator.userAgent}`);

using host = load(); // ../build/libguestmem.so, the --lib given to hostbind
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
const { instance } = await WebAssembly.instantiate(wasm, host.imports);
// bind() gives the native side the guest's memory (ctx->memory, ctx->memory_size).
host.bind(instance);
const guest = instance.exports as unknown as Guest;

/** Reads `len` bytes at `ptr` as text; a fresh view each time, since growing detaches the old buffer. */
const text = (ptr: number, len: number) => new TextDecoder().decode(new Uint8Array(guest.memory.buffer, ptr, len));
const hex = (n: number) => `0x${n.toString(16).padStart(8, "0")}`;

/** Checksums and upper-cases `len` bytes at `ptr` through C, checking the checksum in JS. */
function checkAndUpcase(ptr: number, len: number): void {
  const before = text(ptr, len);
  const sum = guest.checksum(ptr, len);
  const agrees = sum === adler32(new Uint8Array(guest.memory.buffer, ptr, len));
  console.log(`  checksum(${ptr}, ${len}) of "${before}" = ${hex(sum)} (JS agrees: ${agrees})`);
  const changed = guest.upcase(ptr, len);
  console.log(`  upcase(${ptr}, ${len}) changed ${changed} bytes: "${text(ptr, len)}"`);
}

console.log(`one page: the native side sees ${guest.host_size()} bytes`);
checkAndUpcase(1024, 12);

// Grow by two pages: the ArrayBuffer is replaced, and the context follows.
const oldPages = guest.grow(2);
console.log(`grow(2) from ${oldPages} page: the native side sees ${guest.host_size()} bytes`);
const high = 2 * 65536 + 100; // inside the newly grown pages
const written = new TextEncoder().encodeInto("grown pages too", new Uint8Array(guest.memory.buffer, high)).written;
checkAndUpcase(high, written);

// Out of bounds: hostbind_guest_ptr() returns NULL, the C code calls hostbind_trap().
for (const [ptr, len] of [[3 * 65536 - 4, 16], [0xffff_fff0, 32]] as const) {
  try {
    guest.checksum(ptr, len);
    console.log(`checksum(${ptr}, ${len}) returned: expected a trap`);
  } catch (e) {
    if (!(e instanceof HostTrap)) throw e;
    console.log(`checksum(${ptr}, ${len}) trapped: HostTrap code ${e.code}: ${e.message}`);
  }
}

/** Adler-32 in JS, to check the C result. */
function adler32(bytes: Uint8Array): number {
  let a = 1, b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
