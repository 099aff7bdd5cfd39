/**
 * The c-wasi example, unchanged under Deno, Bun and Node 26: a C program compiled to
 * wasm32-wasi gets WASI from the runtime (node:wasi) and its "native"
 * imports from a shared library through hostbind's bindings — one import
 * object, merged.
 *
 * Run: `deno task start` (builds first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load } from "./gen/native.ts";

console.log(`runtime: ${navigator.userAgent}`);

const wasi = new WASI({ version: "preview1", args: ["guest"], env: {} });
using host = load();
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
// hostbind serves module "native"; WASI serves wasi_snapshot_preview1.
const { instance } = await WebAssembly.instantiate(wasm, { ...host.imports, wasi_snapshot_preview1: wasi.wasiImport });
// The guest exports its memory: native code reads the checksum's text there.
host.bind(instance);
// Runs main() (the guest's `_start`), whose printf goes through WASI.
wasi.start(instance);
