/**
 * The call-overhead runner for Node 26: the same cases as the Bun runner,
 * with the hand-written baselines on `node:ffi` and the same calls through
 * koffi beside them; prints one JSON `RuntimeRun` on stdout, progress on
 * stderr.
 *
 * Usage: `node --disable-warning=ExperimentalWarning bench/call/node.ts bench/build/info.json`
 * with Node 26 (`bench/main.ts` does this).
 *
 * @example
 * ```ts
 * // node bench/call/node.ts bench/build/info.json > node.json
 * ```
 * @module
 */
import { dlopen, getRawPointer } from "node:ffi";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";
import type { BuildInfo } from "./build.ts";
import { expectedSum, SHAPE_ONE, SHAPE_TWO } from "./cases.ts";
import { envF, ffiBaselineCases, type GeneratedModule, generatedCases, guest, jsCases } from "./common.ts";
import { type CallCase, measureAll } from "./harness.ts";
import type { RuntimeRun } from "../report/model.ts";

const info: BuildInfo = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const log = (s: string) => console.error(`[node] ${s}`);

/** The hand-written `node:ffi` baselines, built on the library at `path`. */
function ffiCases(path: string): CallCase[] {
  const { functions } = dlopen(path, {
    b_one: { arguments: ["i32"], return: "i32" },
    b_one_ctx: { arguments: ["pointer", "i32"], return: "i32" },
    b_two: { arguments: ["pointer", "i32"], return: "void" },
    b_one_i64: { arguments: ["pointer", "i64"], return: "i64" },
    b_one_f64: { arguments: ["pointer", "f64"], return: "f64" },
  });
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const ctx = getRawPointer(scratch.buffer);
  return ffiBaselineCases(info, { ...functions, ctx, out: ctx + 256n, results: new Int32Array(scratch.buffer, 256, 2) });
}

/** The same calls through koffi (a native addon FFI), for comparison. */
function koffiCases(path: string): CallCase[] {
  // koffi is CommonJS with a native addon; createRequire keeps this file ESM.
  const koffi = createRequire(import.meta.url)("koffi") as {
    load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  };
  const lib = koffi.load(path);
  const b_one_ctx = lib.func("int32_t b_one_ctx(void *ctx, int32_t a)") as (ctx: bigint, a: number) => number;
  const b_two = lib.func("void b_two(void *out, int32_t a)") as (out: bigint, a: number) => void;
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const ctxPtr = getRawPointer(scratch.buffer);
  const outPtr = ctxPtr + 256n;
  const out = new Int32Array(scratch.buffer, 256, 2);
  return [
    {
      id: "koffi_ctx",
      label: "koffi: arrow wrapper → function with a ctx pointer, 1 result",
      group: "baseline",
      run: guest(info.guests.base_one!, envF((a: number) => b_one_ctx(ctxPtr, a))).run,
      expected: (n) => expectedSum(SHAPE_ONE, n),
    },
    {
      id: "koffi_array",
      label: "koffi: 2 results through an out-struct, returns [a, b]",
      group: "baseline",
      run: guest(info.guests.base_two!, envF((a: number) => {
        b_two(outPtr, a);
        return [out[0], out[1]];
      })).run,
      expected: (n) => expectedSum(SHAPE_TWO, n),
      maxN: 1 << 22,
    },
  ];
}

async function main(): Promise<void> {
  let mod: GeneratedModule | undefined;
  let sinkRead = () => 0;
  if (info.generated) {
    mod = (await import(info.generated.node)) as GeneratedModule;
    const sink = dlopen(info.generated.lib, { bench_sink_read: { arguments: [], return: "i64" } }).functions;
    sinkRead = () => Number(sink.bench_sink_read());
  }
  const cases = [
    ...jsCases(info),
    ...ffiCases(info.baselineLib),
    ...koffiCases(info.baselineLib),
    ...(mod ? generatedCases(mod, info.generated!.lib, info, sinkRead) : []),
  ];
  log(`timing ${cases.length} cases`);
  const results = measureAll(cases, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), log });
  const run: RuntimeRun = {
    runtime: "node",
    version: `Node ${process.versions.node} (V8 ${process.versions.v8})`,
    results,
    probe: [],
    ...(info.generatedError ? { note: `generated cases skipped: ${info.generatedError}` } : {}),
  };
  console.log(JSON.stringify(run));
}

await main();
