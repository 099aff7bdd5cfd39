/**
 * Builds everything the call-overhead runners load, under `bench/build/`:
 * the baseline C library (timed and probe builds), one guest `.wasm` per
 * case, and — once hostbind's emitters work — the generated bindings for
 * `GENERATED_CASES` plus their C implementation. Runs in Deno.
 *
 * @example
 * ```ts
 * import { buildCallBench } from "./build.ts";
 * const info = await buildCallBench(new URL("../build/", import.meta.url).pathname);
 * info.generated?.deno; // ".../bench/build/gen/bench.deno.ts", or undefined when generate() failed
 * ```
 * @module
 */
import { generate, parseDeclarations } from "../../src/generate.ts";
import { createEmitContext } from "../../src/emit/context.ts";
import { emitBun } from "../../src/emit/bun/mod.ts";
import { emitDeno } from "../../src/emit/deno/mod.ts";
import { tsModel } from "../../src/emit/ts/model.ts";
import type { MemoryPathRule } from "../../src/layout/paths.ts";
import { caseSymbol, GENERATED_CASES, GENERATED_MODULE, type GuestShape, SHAPE_ONE, SHAPE_TWO } from "./cases.ts";
import { declarationText } from "./declarations.ts";
import { implementationC } from "./native.ts";
import { guestWat } from "./wat.ts";

/** Where the built pieces are; written to `build/info.json` for the runners. */
export interface BuildInfo {
  /** Guest `.wasm` paths: `base_one` and `base_two` (baseline shapes, import `env.f`) and one per generated case id. */
  guests: Record<string, string>;
  /** The baseline library, timed build. */
  baselineLib: string;
  /** The baseline library with the fast-path probe compiled in. */
  baselineProbeLib: string;
  /** The generated bindings, when `generate()` succeeded. */
  generated?: {
    deno: string;
    bun: string;
    node: string;
    header: string;
    lib: string;
    probeLib: string;
    /**
     * The same Deno and Bun bindings with one call path forced on every import
     * (`direct`: none on the memory path; `memory`: all of them), so the table
     * shows both paths for the signatures where the runtime's rule chooses.
     */
    paths: Record<"deno" | "bun", Record<PathKind, string>>;
  };
  /** Why the generated cases are missing, when they are. */
  generatedError?: string;
}

/** A call path forced on every import of a bindings module: `direct` (with the out path for two or more results) or `memory`. */
export type PathKind = "direct" | "memory";

/** The memory-path rule that forces each {@link PathKind}. */
const FORCED_RULE: Record<PathKind, MemoryPathRule> = { direct: "none", memory: "all" };

const NATIVE_DIR = new URL("../native/", import.meta.url).pathname;
const BIN = new URL("../../node_modules/.bin/", import.meta.url).pathname;

/**
 * Builds into `dir` (created if needed) and returns where everything is.
 *
 * @example `await buildCallBench("bench/build"); // writes bench/build/info.json`
 */
export async function buildCallBench(dir: string): Promise<BuildInfo> {
  await Deno.mkdir(`${dir}/gen`, { recursive: true });
  const info: BuildInfo = {
    guests: {},
    baselineLib: `${dir}/libbaseline.so`,
    baselineProbeLib: `${dir}/libbaseline_probe.so`,
  };
  await cc([`${NATIVE_DIR}/baseline.c`], info.baselineLib, []);
  await cc([`${NATIVE_DIR}/baseline.c`], info.baselineProbeLib, ["-DHB_PROBE", "-fno-omit-frame-pointer", "-Wno-frame-address", "-ldl"]);
  info.guests.base_one = await wasm(dir, "base_one", SHAPE_ONE, "env", "f");
  info.guests.base_two = await wasm(dir, "base_two", SHAPE_TWO, "env", "f");
  for (const c of GENERATED_CASES) {
    info.guests[c.id] = await wasm(dir, `guest_${c.id}`, c, GENERATED_MODULE, c.id);
  }
  try {
    info.generated = await buildGenerated(dir);
  } catch (e) {
    info.generatedError = e instanceof Error ? e.message : String(e);
  }
  await Deno.writeTextFile(`${dir}/info.json`, JSON.stringify(info, null, 2) + "\n");
  return info;
}

async function buildGenerated(dir: string): Promise<NonNullable<BuildInfo["generated"]>> {
  const source = declarationText(GENERATED_CASES);
  await Deno.writeTextFile(`${dir}/bench.d.ts`, source);
  const files = generate(source, { file: "bench.d.ts", name: "bench", lib: "../libbench" });
  for (const f of files) await Deno.writeTextFile(`${dir}/gen/${f.path}`, f.contents);
  await Deno.writeTextFile(`${dir}/bench_impl.c`, implementationC(GENERATED_CASES, "bench.h"));
  // With the header's call shims: the Node bindings call through them.
  const flags = [`-I${dir}/gen`, `-I${NATIVE_DIR}`, "-DHOSTBIND_IMPLEMENTATION"];
  const lib = `${dir}/libbench.so`;
  const probeLib = `${dir}/libbench_probe.so`;
  await cc([`${dir}/bench_impl.c`], lib, flags);
  // Frame pointers: the probe looks one frame up from a function its shim called.
  await cc([`${dir}/bench_impl.c`], probeLib, [...flags, "-DHB_PROBE", "-fno-omit-frame-pointer", "-Wno-frame-address", "-ldl"]);
  // Every symbol must be there, or the runners would fail later with a vaguer message.
  const nm = await run("nm", ["-D", "--defined-only", lib]);
  for (const c of GENERATED_CASES) {
    if (!nm.includes(caseSymbol(c))) throw new Error(`${lib} lacks ${caseSymbol(c)}`);
  }
  // The emitters take the model the rule makes; generate() gives each runtime its own rule.
  const cx = createEmitContext(parseDeclarations(source, { file: "bench.d.ts" }), "bench", "../libbench");
  const paths = { deno: {}, bun: {} } as Record<"deno" | "bun", Record<PathKind, string>>;
  for (const kind of ["direct", "memory"] as const) {
    const model = tsModel(cx, FORCED_RULE[kind]);
    paths.deno[kind] = `${dir}/gen/bench.${kind}.deno.ts`;
    paths.bun[kind] = `${dir}/gen/bench.${kind}.bun.ts`;
    await Deno.writeTextFile(paths.deno[kind], emitDeno(cx, model));
    await Deno.writeTextFile(paths.bun[kind], emitBun(cx, model));
  }
  return {
    paths,
    deno: `${dir}/gen/bench.deno.ts`,
    bun: `${dir}/gen/bench.bun.ts`,
    node: `${dir}/gen/bench.node.ts`,
    header: `${dir}/gen/bench.h`,
    lib,
    probeLib,
  };
}

async function wasm(dir: string, name: string, shape: GuestShape, module: string, field: string): Promise<string> {
  const wat = `${dir}/${name}.wat`;
  const out = `${dir}/${name}.wasm`;
  await Deno.writeTextFile(wat, guestWat(shape, module, field));
  // --enable-threads: the shared-memory case's guest declares a shared memory.
  await run(`${BIN}/wat2wasm`, ["--enable-threads", wat, "-o", out]);
  return out;
}

async function cc(sources: string[], out: string, flags: string[]): Promise<void> {
  await run("cc", ["-O2", "-shared", "-fPIC", "-std=c11", "-Wall", "-Wextra", "-Werror", ...sources, "-o", out, ...flags]);
}

/**
 * Runs a command, returns its stdout, throws with its stderr on failure.
 *
 * @example `await run("nm", ["-D", "lib.so"]); // stdout`
 */
export async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}
