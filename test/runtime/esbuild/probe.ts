/**
 * esbuild's Go build (GOOS=js, `esbuild-wasm`) with the Go runtime's clocks
 * served by native code. esbuild's browser API, run on this thread
 * (`worker: false`), instantiates the module itself with the import object
 * of Go's `wasm_exec.js`, with no hook: `initialize()` runs inside
 * `host.intercept()`, which merges hostbind's imports into Go's and binds
 * the instance. Prints what esbuild's `transform` answers.
 * Usage: probe.ts BINDINGS.ts LIBRARY.so
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";

const [bindings, library] = (globalThis as { Deno?: { args: string[] } }).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings!);
const require = createRequire(import.meta.url);
// esbuild's browser build looks its globals up on `self`, which Node does not define.
(globalThis as { self?: unknown }).self ??= globalThis;
const esbuild = await import("esbuild-wasm/esm/browser.js");
const wasmModule = new WebAssembly.Module(readFileSync(require.resolve("esbuild-wasm/esbuild.wasm")));

const host = load(library);
await host.intercept(() => esbuild.initialize({ wasmModule, worker: false }));
const { code } = await esbuild.transform("const answer: number = 6 * 7;\nexport default answer;", { loader: "ts", minify: true });
console.log(JSON.stringify(code));
host.close();
// Go's scheduler keeps a timer pending: leave without waiting for it.
process.exit(0);
