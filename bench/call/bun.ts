/**
 * The call-overhead runner for Bun: the same cases as the Deno runner (minus
 * Deno's struct-by-value, which `bun:ffi` lacks), timed side by side in one
 * process; prints one JSON `RuntimeRun` on stdout, progress on stderr.
 *
 * Usage: `bun bench/call/bun.ts bench/build/info.json` (`bench/main.ts` does this).
 *
 * No fast-path probe here: that question is Deno's (V8 fast API vs libffi);
 * Bun always enters native code through its JIT-compiled (TinyCC) trampolines.
 *
 * @example
 * ```ts
 * // bun bench/call/bun.ts bench/build/info.json > bun.json
 * ```
 * @module
 */
import { dlopen, type Pointer, ptr } from "bun:ffi";
import { readFileSync } from "node:fs";
import type { BuildInfo } from "./build.ts";
import { expectedSum, SHAPE_ONE, SHAPE_TWO } from "./cases.ts";
import { caseExpected, caseGuest, envF, type GeneratedModule, generatedCases, guest, jsCases } from "./common.ts";
import { type CallCase, measureAll } from "./harness.ts";
import type { RuntimeRun } from "../report/model.ts";

const info: BuildInfo = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const log = (s: string) => console.error(`[bun] ${s}`);

/** The hand-written FFI baselines, built on the library at `path`. */
function ffiCases(path: string): CallCase[] {
  const lib = dlopen(path, {
    b_one: { args: ["i32"], returns: "i32" },
    b_one_ctx: { args: ["ptr", "i32"], returns: "i32" },
    b_two: { args: ["ptr", "i32"], returns: "void" },
    b_one_i64: { args: ["ptr", "i64"], returns: "i64" },
    b_one_f64: { args: ["ptr", "f64"], returns: "f64" },
  });
  const { b_one, b_one_ctx, b_two, b_one_i64, b_one_f64 } = lib.symbols;
  // Scratch that never moves: small typed arrays move in Bun's GC heap, a wasm memory does not.
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const base = ptr(new Uint8Array(scratch.buffer));
  const ctxPtr = base;
  const outPtr = (base + 256) as Pointer;
  const out = new Int32Array(scratch.buffer, 256, 2);
  const one = (f: unknown) => guest(info.guests.base_one!, envF(f)).run;
  const two = (f: unknown) => guest(info.guests.base_two!, envF(f)).run;
  const e1 = (n: number) => expectedSum(SHAPE_ONE, n);
  const e2 = (n: number) => expectedSum(SHAPE_TWO, n);
  return [
    { id: "ffi_arrow", label: "arrow wrapper → FFI symbol, 1 result", group: "baseline", run: one((a: number) => b_one(a)), expected: e1 },
    {
      id: "ffi_arrow_ctx",
      label: "arrow wrapper → FFI symbol with a ctx pointer, 1 result",
      group: "baseline",
      run: one((a: number) => b_one_ctx(ctxPtr, a)),
      expected: e1,
    },
    {
      id: "ffi_arrow_i64",
      label: "arrow wrapper → FFI symbol with a ctx pointer, i64 → i64",
      group: "baseline",
      run: caseGuest(info, "one_i64", (a: bigint) => b_one_i64(ctxPtr, a)).run,
      expected: caseExpected("one_i64"),
    },
    {
      id: "ffi_arrow_f64",
      label: "arrow wrapper → FFI symbol with a ctx pointer, f64 → f64",
      group: "baseline",
      run: caseGuest(info, "one_f64", (a: number) => b_one_f64(ctxPtr, a)).run,
      expected: caseExpected("one_f64"),
    },
    { id: "ffi_direct", label: "FFI symbol passed directly as the import", group: "baseline", run: one(b_one), expected: e1 },
    {
      id: "wrapper_array",
      label: "2 results: JS wrapper fills an out-struct, returns [a, b]",
      group: "baseline",
      run: two((a: number) => {
        b_two(outPtr, a);
        return [out[0], out[1]];
      }),
      expected: e2,
      maxN: 1 << 22,
    },
  ];
}

async function main(): Promise<void> {
  let mod: GeneratedModule | undefined;
  let sinkRead = () => 0;
  if (info.generated) {
    mod = (await import(info.generated.bun)) as GeneratedModule;
    const sink = dlopen(info.generated.lib, { bench_sink_read: { args: [], returns: "i64" } }).symbols;
    sinkRead = () => Number(sink.bench_sink_read());
  }
  const cases = [
    ...jsCases(info),
    ...ffiCases(info.baselineLib),
    ...(mod ? generatedCases(mod, info.generated!.lib, info, sinkRead) : []),
  ];
  log(`timing ${cases.length} cases`);
  const results = measureAll(cases, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), log });
  const run: RuntimeRun = {
    runtime: "bun",
    version: `Bun ${Bun.version} (JavaScriptCore)`,
    results,
    probe: [],
    ...(info.generatedError ? { note: `generated cases skipped: ${info.generatedError}` } : {}),
  };
  console.log(JSON.stringify(run));
}

await main();
