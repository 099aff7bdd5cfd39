/**
 * The async-io example, unchanged under Deno, Bun and Node 26: a C guest
 * reads files through an async native import. Each read blocks a native
 * thread for a while; the guest waits, suspended, and the JS thread keeps
 * running a timer meanwhile.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";
import process from "node:process";
import { fileURLToPath } from "node:url";

import { load } from "./gen/files.ts";

console.log(`runtime: ${navigator.userAgent}`);
// The guest reads data/*.txt: native code opens them relative to the working directory, this folder.
process.chdir(fileURLToPath(new URL(".", import.meta.url)));

using host = load();
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
const instance = await host.instantiate(wasm);
// A WASI reactor: _initialize runs the C library's constructors (this one imports nothing from WASI).
(instance.exports._initialize as () => void)();

// A guest export that reaches an async import runs through host.promising(): it returns a promise.
const run = host.promising(instance.exports.run as () => number);
let ticks = 0;
const timer = setInterval(() => ticks++, 5);
const total = await run();
clearInterval(timer);
console.log(`${total} bytes read in all`);
// Four reads of 40 ms each: a 5 ms timer that kept running fires about 30 times meanwhile.
console.log(ticks >= 8 ? "the 5 ms timer kept firing during the reads" : `the timer fired only ${ticks} times`);
