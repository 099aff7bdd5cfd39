/**
 * The c-files example, unchanged under Deno, Bun and Node 26: a C program
 * compiled to wasm32-wasi reads a file through a native host API that takes
 * and returns strings and bytes. WASI comes from the runtime (node:wasi).
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { WASI } from "node:wasi";

import { HostTrap, load } from "./gen/plugin.ts";

console.log(`runtime: ${navigator.userAgent}`);
// The guest asks for data/poem.txt: native code opens it relative to the working directory, this folder.
process.chdir(fileURLToPath(new URL(".", import.meta.url)));

const wasi = new WASI({ version: "preview1", args: ["guest"], env: {} });
using host = load();
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
// Instantiates with WASI merged in and binds the instance: its memory, and its cabi_realloc for read_file's result.
const instance = await host.instantiate(wasm, { wasi_snapshot_preview1: wasi.wasiImport });
try {
  wasi.start(instance);
} catch (error) {
  // The native function's hostbind_trap() arrives here, through the guest, as a HostTrap.
  if (!(error instanceof HostTrap)) throw error;
  console.log(`HostTrap ${error.code}: ${error.message}`);
}
