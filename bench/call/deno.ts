/**
 * The call-overhead runner for Deno: builds every case (pure JS, hand-written
 * FFI baselines, hostbind-generated imports), times them side by side in this
 * one process and prints one JSON object (a `RuntimeRun`) on stdout; or, in
 * a second process, probes which symbols take V8's fast call path. Progress goes to stderr.
 *
 * Usage: `deno run -A bench/call/deno.ts bench/build/info.json [--probe]`
 * (`bench/main.ts` does this for you). With `--probe` it prints only the
 * fast-path probe results (a `ProbeResult[]`), which need a fresh process.
 *
 * @example
 * ```ts
 * // deno run -A bench/call/deno.ts bench/build/info.json > deno.json
 * ```
 * @module
 */
import type { BuildInfo } from "./build.ts";
import { expectedSum, GENERATED_CASES, SHAPE_ONE, SHAPE_TWO, caseSymbol } from "./cases.ts";
import {
  caseExpected,
  caseGuest,
  envF,
  type GeneratedModule,
  generatedCases,
  guest,
  jsCases,
  probeOne,
  type ProbeCounters,
  type ProbeResult,
} from "./common.ts";
import { type CallCase, measureAll } from "./harness.ts";
import type { RuntimeRun } from "../report/model.ts";

const info: BuildInfo = JSON.parse(Deno.readTextFileSync(Deno.args[0]!));
const log = (s: string) => console.error(`[deno] ${s}`);

const BASELINE_SYMBOLS = {
  b_one: { parameters: ["i32"], result: "i32" },
  b_one_ctx: { parameters: ["pointer", "i32"], result: "i32" },
  b_two: { parameters: ["pointer", "i32"], result: "void" },
  b_two_val: { parameters: ["i32"], result: { struct: ["i32", "i32"] } },
  b_one_i64: { parameters: ["pointer", "i64"], result: "i64" },
  b_one_f64: { parameters: ["pointer", "f64"], result: "f64" },
} as const;

const PROBE_SYMBOLS = {
  probe_reset: { parameters: [], result: "void" },
  probe_count: { parameters: ["i32", "i32"], result: "i64" },
} as const;

/** The hand-written FFI baselines, built on the library at `path`. */
function ffiCases(path: string): CallCase[] {
  const lib = Deno.dlopen(path, BASELINE_SYMBOLS);
  const { b_one, b_one_ctx, b_two, b_two_val, b_one_i64, b_one_f64 } = lib.symbols;
  // Scratch that never moves: a wasm memory's backing store stays put.
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const base = Deno.UnsafePointer.of(new Uint8Array(scratch.buffer))!;
  const ctxPtr = base;
  const outPtr = Deno.UnsafePointer.offset(base, 256);
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
    { id: "ffi_direct", label: "FFI symbol passed directly as the import", group: "baseline", run: one(b_one), expected: e1, maxN: 1 << 22 },
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
    {
      id: "deno_struct",
      label: "2 results: Deno struct by value ({ struct: [...] })",
      group: "baseline",
      run: two((a: number) => {
        const v = new Int32Array(b_two_val(a).buffer);
        return [v[0], v[1]];
      }),
      expected: e2,
      maxN: 1 << 18,
    },
  ];
}

function counters(path: string): ProbeCounters {
  const { probe_reset, probe_count } = Deno.dlopen(path, PROBE_SYMBOLS).symbols;
  return { reset: () => probe_reset(), count: (slot, which) => Number(probe_count(slot, which)) };
}

/**
 * Checks the probe itself (arrow must be fast, direct must be slow), then
 * every generated symbol, then what a second `load()` of the same library
 * does to the first one's call sites. Runs in its own process: the generated
 * wrappers of every `load()` share one feedback vector per import, so the
 * probe library's symbols would pollute the timed ones (and vice versa).
 */
function probePass(mod: GeneratedModule | undefined): ProbeResult[] {
  const base = counters(info.baselineProbeLib);
  const lib = Deno.dlopen(info.baselineProbeLib, BASELINE_SYMBOLS).symbols;
  const b_one = lib.b_one;
  const results = [
    probeOne("ffi_arrow", "b_one", guest(info.guests.base_one!, envF((a: number) => b_one(a))).run, base, 0),
    probeOne("ffi_direct", "b_one", guest(info.guests.base_one!, envF(lib.b_one)).run, base, 0),
  ];
  if (!mod || !info.generated) return results;
  const probeLib = info.generated.probeLib;
  const gen = counters(probeLib);
  const host = mod.load(probeLib);
  const runs = GENERATED_CASES.map((c, slot) => {
    const g = guest(info.guests[c.id]!, host.imports as WebAssembly.Imports);
    if (c.arg === "ptr16") host.bind(g.instance);
    results.push(probeOne(`hb_${c.id}`, caseSymbol(c), g.run, gen, slot));
    return g.run;
  });
  // A second Host of the same library, exercised too: do the first Host's calls stay fast?
  const slot = GENERATED_CASES.findIndex((c) => c.id === "one");
  const second = mod.load(probeLib);
  const g2 = guest(info.guests.one!, second.imports as WebAssembly.Imports);
  results.push(probeOne("reload_second_host_one", "bench_one", g2.run, gen, slot));
  results.push(probeOne("reload_first_host_one", "bench_one", runs[slot]!, gen, slot));
  return results;
}

async function main(): Promise<void> {
  const probeMode = Deno.args[1] === "--probe";
  let mod: GeneratedModule | undefined;
  let sinkRead = () => 0;
  if (info.generated) {
    mod = (await import(info.generated.deno)) as GeneratedModule;
    const sink = Deno.dlopen(info.generated.lib, { bench_sink_read: { parameters: [], result: "i64" } }).symbols;
    sinkRead = () => Number(sink.bench_sink_read());
  }
  if (probeMode) {
    log("probing the fast call path");
    console.log(JSON.stringify(probePass(mod)));
    return;
  }
  const cases = [
    ...jsCases(info),
    ...ffiCases(info.baselineLib),
    ...(mod ? generatedCases(mod, info.generated!.lib, info, sinkRead) : []),
  ];
  log(`timing ${cases.length} cases`);
  const results = measureAll(cases, { rounds: Number(Deno.env.get("BENCH_ROUNDS") ?? 7), log });
  const run: RuntimeRun = {
    runtime: "deno",
    version: `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`,
    results,
    probe: [],
    ...(info.generatedError ? { note: `generated cases skipped: ${info.generatedError}` } : {}),
  };
  console.log(JSON.stringify(run));
}

await main();
