/**
 * The call-overhead runner for Deno: builds every case (pure JS, hand-written
 * FFI baselines, hostbind-generated imports), times them side by side in this
 * one process and prints one JSON object (a `RuntimeRun`) on stdout; or, in
 * a second process, probes which symbols take V8's fast call path. Progress goes to stderr.
 *
 * Usage: `deno run -A bench/call/deno.ts bench/build/info.json [--probe | --paths]`
 * (`bench/main.ts` does this for you). With `--probe` it prints only the
 * fast-path probe results (a `ProbeResult[]`), which need a fresh process;
 * with `--paths`, the floors and the forced-path cases (`pathCases`).
 *
 * @example
 * ```ts
 * // deno run -A bench/call/deno.ts bench/build/info.json > deno.json
 * ```
 * @module
 */
import type { BuildInfo } from "./build.ts";
import { bindsOwnInstance, expectedSum, GENERATED_CASES, SHAPE_TWO, caseSymbol } from "./cases.ts";
import {
  envF,
  ffiBaselineCases,
  type GeneratedModule,
  generatedCases,
  guest,
  jsCases,
  pathCases,
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
  const { b_two_val } = lib.symbols;
  // Scratch that never moves: a wasm memory's backing store stays put.
  const scratch = new WebAssembly.Memory({ initial: 1 });
  const base = Deno.UnsafePointer.of(new Uint8Array(scratch.buffer))!;
  const two = (f: unknown) => guest(info.guests.base_two!, envF(f)).run;
  const shared = ffiBaselineCases(info, {
    ...lib.symbols,
    ctx: base,
    out: Deno.UnsafePointer.offset(base, 256),
    results: new Int32Array(scratch.buffer, 256, 2),
  }, 1 << 22);
  return [
    ...shared,
    {
      id: "deno_struct",
      label: "2 results: Deno struct by value ({ struct: [...] })",
      group: "baseline",
      run: two((a: number) => {
        const v = new Int32Array(b_two_val(a).buffer);
        return [v[0], v[1]];
      }),
      expected: (n: number) => expectedSum(SHAPE_TWO, n),
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
    if (c.arg === "ptr16" || bindsOwnInstance(c)) host.bind(g.instance, { replace: true });
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
  const cases = Deno.args[1] === "--paths"
    ? [...jsCases(info), ...await pathCases(info, "deno", sinkRead)]
    : [
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
