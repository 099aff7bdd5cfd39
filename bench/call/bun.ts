/**
 * The call-overhead runner for Bun: the same cases as the Deno runner (minus
 * Deno's struct-by-value, which `bun:ffi` lacks), timed side by side in one
 * process; prints one JSON `RuntimeRun` on stdout, progress on stderr.
 *
 * Usage: `bun bench/call/bun.ts bench/build/info.json [--paths]` (`bench/main.ts`
 * does this); `--paths` times the floors and the forced-path cases (`pathCases`).
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
import { ffiBaselineCases, type GeneratedModule, generatedCases, jsCases, pathCases } from "./common.ts";
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
  // Scratch that never moves: small typed arrays move in Bun's GC heap, a wasm memory does not.
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const base = ptr(new Uint8Array(scratch.buffer));
  return ffiBaselineCases(info, {
    ...lib.symbols,
    ctx: base,
    out: (base + 256) as Pointer,
    results: new Int32Array(scratch.buffer, 256, 2),
  });
}

async function main(): Promise<void> {
  let mod: GeneratedModule | undefined;
  let sinkRead = () => 0;
  if (info.generated) {
    mod = (await import(info.generated.bun)) as GeneratedModule;
    const sink = dlopen(info.generated.lib, { bench_sink_read: { args: [], returns: "i64" } }).symbols;
    sinkRead = () => Number(sink.bench_sink_read());
  }
  const cases = process.argv[3] === "--paths"
    ? [...jsCases(info), ...await pathCases(info, "bun", sinkRead)]
    : [
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
