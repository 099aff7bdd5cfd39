/**
 * The wit-greeter example, unchanged under Deno, Bun and Node 26: a guest
 * written against a WIT interface with the canonical ABI (greeter.wit,
 * guest.wat) exchanges strings with a Rust library, which also calls back
 * into the guest.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";

import { load } from "./gen/greeter.ts";

console.log(`runtime: ${navigator.userAgent}`);

using host = load();
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
// Instantiates and binds: the guest's memory, its cabi_realloc, and its `shift` export for native code.
const instance = await host.instantiate(wasm);
(instance.exports as { run(): void }).run();
