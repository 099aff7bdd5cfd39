/**
 * Experiment behind finding 1 of bench/README.md: which part of the
 * generated single-result wrapper costs what? Times seven hand-written
 * variants of the wrapper body side by side, in Deno or Bun, against the
 * baseline library `bench/main.ts` builds (run `deno run -A bench/main.ts
 * call` once first).
 *
 * Usage: `deno run -A bench/experiments/wrapper_variants.ts` or
 * `bun bench/experiments/wrapper_variants.ts`.
 *
 * @example
 * ```ts
 * // deno run -A bench/experiments/wrapper_variants.ts
 * // deno bare               6.10 min 6.08
 * // deno memCheck           7.93 min 7.80   ← `buf.byteLength !== size`
 * // deno viewCheck          6.55 min 6.43   ← `view.length === 0`
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import type { BuildInfo } from "../call/build.ts";

const isDeno = "Deno" in globalThis;
const info: BuildInfo = JSON.parse(readFileSync(new URL("../build/info.json", import.meta.url), "utf8"));
const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
// deno-lint-ignore no-explicit-any
let native: (ctx: any, a: number) => number;
// deno-lint-ignore no-explicit-any
let ctx: any;
if (isDeno) {
  const lib = Deno.dlopen(info.baselineLib, { b_one_ctx: { parameters: ["pointer", "i32"], result: "i32" } });
  native = lib.symbols.b_one_ctx;
  ctx = Deno.UnsafePointer.of(new Uint8Array(memory.buffer));
} else {
  const ffi = await import("bun:ffi");
  const lib = ffi.dlopen(info.baselineLib, { b_one_ctx: { args: ["ptr", "i32"], returns: "i32" } });
  native = lib.symbols.b_one_ctx;
  ctx = ffi.ptr(new Uint8Array(memory.buffer));
}

const words = new Int32Array(memory.buffer);
const guestMemory = new WebAssembly.Memory({ initial: 1 });
// Today's generated check: the buffer native code knows about and its length.
let buf: ArrayBufferLike = guestMemory.buffer;
let size = buf.byteLength;
const sync = () => {
  buf = guestMemory.buffer;
  size = buf.byteLength;
};
// The suggested check: a view over guest memory, whose length drops to 0 when a grow detaches it.
let view = new Uint8Array(guestMemory.buffer);
const syncView = () => {
  view = new Uint8Array(guestMemory.buffer);
};
// What the emitter generates since ee2c1d3: a view compared with a captured size,
// starting as an empty on-heap array until the first sync().
let heap: Uint8Array = new Uint8Array(0);
let heapSize = 0;
const syncHeap = () => {
  heap = new Uint8Array(guestMemory.buffer);
  heapSize = heap.length;
};
const trap = () => new Error("trap");
let nativeLet = native;

const variants: Record<string, (a: number) => number> = {
  bare: (a) => native(ctx, a),
  trapCheck: (a) => {
    const r = native(ctx, a);
    if (words[7] !== 0) throw trap();
    return r;
  },
  memCheck: (a) => {
    if (buf.byteLength !== size) sync();
    return native(ctx, a);
  },
  generated: (a) => {
    if (buf.byteLength !== size) sync();
    const r = native(ctx, a);
    if (words[7] !== 0) throw trap();
    return r;
  },
  viewCheck: (a) => {
    if (view.length === 0) syncView();
    return native(ctx, a);
  },
  viewCheckTrap: (a) => {
    if (view.length === 0) syncView();
    const r = native(ctx, a);
    if (words[7] !== 0) throw trap();
    return r;
  },
  letTarget: (a) => nativeLet(ctx, a),
  heapSize: (a) => {
    if (heap.length !== heapSize) syncHeap();
    return native(ctx, a);
  },
  heapSizeTrap: (a) => {
    if (heap.length !== heapSize) syncHeap();
    const r = native(ctx, a);
    if (words[7] !== 0) throw trap();
    return r;
  },
};

const module = new WebAssembly.Module(readFileSync(info.guests.base_one!));
const runs = Object.entries(variants).map(([k, f]) => {
  const ex = new WebAssembly.Instance(module, { env: { f } }).exports as { run: (n: number) => bigint };
  return [k, ex.run] as const;
});
for (const [, run] of runs) for (let i = 0; i < 20; i++) run(100_000);
const samples: Record<string, number[]> = {};
for (let round = 0; round < 7; round++) {
  for (const [k, run] of runs) {
    const n = 3_000_000;
    const t0 = performance.now();
    run(n);
    (samples[k] ??= []).push(((performance.now() - t0) * 1e6) / n);
  }
}
for (const [k, v] of Object.entries(samples)) {
  v.sort((a, b) => a - b);
  console.log(`${isDeno ? "deno" : "bun"} ${k.padEnd(16)} ${v[3]!.toFixed(2)} min ${v[0]!.toFixed(2)}`);
}
nativeLet = native; // keep the binding a `let` that is written (as a close() swap would)
