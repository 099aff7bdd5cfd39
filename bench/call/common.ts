/**
 * Cases both runtimes build the same way: the pure-JS floors and the
 * hostbind-generated imports (whose modules export the same `load()` shape
 * in Deno and Bun), plus the fast-path probe pass. The runner for each
 * runtime adds its own FFI baselines and prints the results.
 *
 * @example
 * ```ts
 * import { generatedCases, jsCases } from "./common.ts";
 * const cases = [...jsCases(info), ...generatedCases(mod, info, sinkRead)];
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import type { BuildInfo, PathKind } from "./build.ts";
import { bindsOwnInstance, expectedSum, GENERATED_CASES, GENERATED_MODULE, type GeneratedCase, GUEST_PATTERN_BYTES, SHAPE_ONE, SHAPE_TWO } from "./cases.ts";
import type { CallCase } from "./harness.ts";

/** What the benchmark uses of a generated `NAME.deno.ts` / `NAME.bun.ts`. */
export interface GeneratedModule {
  load(options?: string | { path?: string }): GeneratedHost;
}

/** What the benchmark uses of a generated `Host`. */
export interface GeneratedHost {
  readonly imports: Record<string, Record<string, unknown>>;
  bind(target: WebAssembly.Instance, options?: { replace?: boolean }): void;
  close(): void;
}

/** The guest `run(n)` export and its memory. */
export interface Guest {
  run: (n: number) => bigint;
  memory: WebAssembly.Memory;
  instance: WebAssembly.Instance;
}

/**
 * Instantiates the guest at `path` with `imports`, compiled afresh for every
 * case: instances of one compiled module share its machine code and tier-up
 * state in both engines, so baselines that shared `base_one.wasm` (the
 * pure-JS floor, both arrow wrappers, the FFI symbol itself) measured each
 * other's call sites, while every generated case has a module of its own.
 *
 * @example `guest("bench/build/base_one.wasm", envF((a: number) => a)).run(10); // 45n`
 */
export function guest(path: string, imports: WebAssembly.Imports): Guest {
  const m = new WebAssembly.Module(readFileSync(path));
  const instance = new WebAssembly.Instance(m, imports);
  const ex = instance.exports as { run: (n: number) => bigint; memory: WebAssembly.Memory };
  return { run: ex.run, memory: ex.memory, instance };
}

/**
 * The baseline guests' import, `env.f`.
 *
 * @example `envF((a: number) => a); // { env: { f } }`
 */
export function envF(f: unknown): WebAssembly.Imports {
  return { env: { f } } as WebAssembly.Imports;
}

/**
 * A generated case's guest with a hand-made import in place of hostbind's,
 * so baselines of other value types reuse the same guest.
 *
 * @example `caseGuest(info, "one_f64", (a: number) => a).run(10);`
 */
export function caseGuest(info: BuildInfo, id: string, f: unknown): Guest {
  return guest(info.guests[id]!, { [GENERATED_MODULE]: { [id]: f } } as WebAssembly.Imports);
}

/**
 * The expected sum of generated case `id`.
 *
 * @example `caseExpected("two")(3); // 9: (0+1) + (1+2) + (2+3)`
 */
export function caseExpected(id: string): (n: number) => number {
  const c = GENERATED_CASES.find((x) => x.id === id)!;
  return (n) => expectedSum(c, n);
}

/**
 * The pure-JS cases: the wasm→JS floor (i32 and f64) and the array-returning floor.
 *
 * @example `jsCases(info).map((c) => c.id); // ["js_floor", "js_floor_f64", "js_array"]`
 */
export function jsCases(info: BuildInfo): CallCase[] {
  const floor = guest(info.guests.base_one!, envF((a: number) => a));
  const floorF64 = caseGuest(info, "one_f64", (a: number) => a);
  const array = guest(info.guests.base_two!, envF((a: number) => [a, a + 1]));
  return [
    {
      id: "js_floor",
      label: "pure JS function, 1 result (the wasm→JS floor)",
      group: "baseline",
      run: floor.run,
      expected: (n) => expectedSum(SHAPE_ONE, n),
    },
    {
      id: "js_floor_f64",
      label: "pure JS function, f64 → f64",
      group: "baseline",
      run: floorF64.run,
      expected: caseExpected("one_f64"),
    },
    {
      id: "js_array",
      label: "pure JS function returning [a, b] to a 2-result import",
      group: "baseline",
      run: array.run,
      expected: (n) => expectedSum(SHAPE_TWO, n),
      maxN: 1 << 22,
    },
  ];
}

/**
 * One case per generated import, all served by one `Host` — one `load()`,
 * as an application does (a second `load()` changes what V8 can do with the
 * shared wrapper code; see findings 2 and 5 in bench/README.md). The Host is
 * bound to the guest-memory case's instance, the only one that reads guest memory.
 *
 * @example `generatedCases(mod, info.generated.lib, info, sinkRead).length; // GENERATED_CASES.length`
 */
export function generatedCases(mod: GeneratedModule, lib: string, info: BuildInfo, sinkRead: () => number): CallCase[] {
  const host = mod.load(lib);
  const guests = GENERATED_CASES.map((c) => guest(info.guests[c.id]!, host.imports as WebAssembly.Imports));
  // The Host stays bound to the ordinary guest memory; the shared-memory case binds its own for its runs only.
  const ordinary = guests[GENERATED_CASES.findIndex((c) => c.arg === "ptr16" && !c.sharedMemory)]!;
  return GENERATED_CASES.map((c, i) => {
    const g = guests[i]!;
    if (c.arg === "ptr16") {
      fillPattern(g.memory);
      host.bind(ordinary.instance, { replace: true });
    }
    // The shared-memory case and the data and guest-call cases (their memory, allocator, exports) bind their own instance.
    const run = c.sharedMemory || bindsOwnInstance(c)
      ? (n: number) => {
        // One Host, taken from one guest to the other between runs (only one runs at a time).
        host.bind(g.instance, { replace: true });
        try {
          return g.run(n);
        } finally {
          host.bind(ordinary.instance, { replace: true });
        }
      }
      : g.run;
    return {
      id: `hb_${c.id}`,
      label: `hostbind: ${c.label}`,
      group: "hostbind" as const,
      run,
      expected: (n: number) => expectedSum(c, n),
      ...(c.results.length === 0 && c.arg !== "ret64" ? { observe: sinkRead } : {}),
    };
  });
}

/**
 * The generated cases where Deno's and Bun's rule chooses between the two
 * call paths: those with a 64-bit parameter or result.
 *
 * @example `PATH_CASES.map((c) => c.id); // ["one_i64", "i64_to_i32", "three_i64", "two_mixed", "four_mixed", "pair16"]`
 */
export const PATH_CASES: readonly GeneratedCase[] = GENERATED_CASES.filter((c) =>
  (!c.noctx && [...c.params, ...c.results].some((t) => t === "i64" || t === "u64"))
  // The numbers a string travels as: the string's own cost beside the memory path's (issue 20's target).
  || c.id === "pair16"
);

/**
 * {@link PATH_CASES} through bindings with each call path forced on every
 * import (`BuildInfo.generated.paths`), one Host per module, both in one
 * process: `path_direct_ID` and `path_memory_ID`. Timed in their own process
 * (see `--paths` in the runners): a second `dlopen` of the library there
 * would change what the main cases measure (finding 5 in bench/README.md).
 *
 * @example `(await pathCases(info, "deno", sinkRead)).length; // 2 * PATH_CASES.length`
 */
export async function pathCases(info: BuildInfo, runtime: "deno" | "bun", sinkRead: () => number): Promise<CallCase[]> {
  if (!info.generated) return [];
  const { lib, paths } = info.generated;
  const mods: Record<PathKind, GeneratedModule> = {
    direct: await import(paths[runtime].direct),
    memory: await import(paths[runtime].memory),
  };
  return (["direct", "memory"] as const).flatMap((kind) => {
    const host = mods[kind].load(lib);
    return PATH_CASES.map((c) => ({
      id: `path_${kind}_${c.id}`,
      label: `${kind === "direct" ? "direct (or out) path forced" : "memory path forced"}: ${c.label}`,
      group: "hostbind" as const,
      run: guest(info.guests[c.id]!, host.imports as WebAssembly.Imports).run,
      expected: (n: number) => expectedSum(c, n),
      ...(c.results.length === 0 ? { observe: sinkRead } : {}),
    }));
  });
}

/**
 * Writes `addr & 0xFF` into the first bytes of guest memory (what `sum16` reads).
 *
 * @example `fillPattern(instance.exports.memory as WebAssembly.Memory);`
 */
export function fillPattern(memory: WebAssembly.Memory): void {
  const bytes = new Uint8Array(memory.buffer, 0, GUEST_PATTERN_BYTES);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i & 0xff;
}

/** What the probe saw for one symbol. */
export interface ProbeResult {
  /** Case id (`hb_one`, or a baseline used to check the probe). */
  id: string;
  /** The native symbol. */
  symbol: string;
  /** Calls that arrived from JIT code (the fast path). */
  fast: number;
  /** Calls that arrived through libffi in the runtime's executable (the slow path). */
  slow: number;
  /** True when every probed call took the fast path. */
  onFastPath: boolean;
}

/** Reads and resets the probe counters of one probe library. */
export interface ProbeCounters {
  reset(): void;
  count(slot: number, which: 0 | 1): number;
}

/**
 * Warms `run` up like the timed pass does, then counts how `calls` calls
 * entered the native function in `slot`.
 *
 * @example `probeOne("hb_one", "bench_one", run, counters, 1).onFastPath; // true`
 */
export function probeOne(
  id: string,
  symbol: string,
  run: (n: number) => unknown,
  counters: ProbeCounters,
  slot: number,
  calls = 100_000,
): ProbeResult {
  for (let i = 0; i < 30; i++) run(2000);
  for (let i = 0; i < 4; i++) run(100_000);
  counters.reset();
  run(calls);
  const fast = counters.count(slot, 0);
  const slow = counters.count(slot, 1);
  return { id, symbol, fast, slow, onFastPath: slow === 0 && fast === calls };
}

/**
 * The hand-written FFI baselines' native functions as one runtime binds
 * them, with the pointers it passes (`P`: its pointer type) into a scratch
 * memory that never moves.
 */
export interface BaselineFfi<P> {
  b_one(a: number): number;
  b_one_ctx(ctx: P, a: number): number;
  b_two(out: P, a: number): void;
  b_one_i64(ctx: P, a: bigint): bigint;
  b_one_f64(ctx: P, a: number): number;
  /** Where `b_one_ctx` and friends get their context pointer. */
  ctx: P;
  /** Where `b_two` writes its two results; `results` views the same bytes. */
  out: P;
  results: Int32Array;
}

/**
 * The hand-written baselines every runtime measures: arrow wrappers around
 * the FFI functions (with and without a context), the FFI function passed
 * directly as the import, and a wrapper that returns two results as an array.
 *
 * @example `ffiBaselineCases(info, ffi); // [{ id: "ffi_arrow", … }, …]`
 */
export function ffiBaselineCases<P>(info: BuildInfo, f: BaselineFfi<P>, directMaxN?: number): CallCase[] {
  const one = (fn: unknown) => guest(info.guests.base_one!, envF(fn)).run;
  const two = (fn: unknown) => guest(info.guests.base_two!, envF(fn)).run;
  const e1 = (n: number) => expectedSum(SHAPE_ONE, n);
  const e2 = (n: number) => expectedSum(SHAPE_TWO, n);
  const { ctx, out, results } = f;
  return [
    { id: "ffi_arrow", label: "arrow wrapper → FFI symbol, 1 result", group: "baseline", run: one((a: number) => f.b_one(a)), expected: e1 },
    {
      id: "ffi_arrow_ctx",
      label: "arrow wrapper → FFI symbol with a ctx pointer, 1 result",
      group: "baseline",
      run: one((a: number) => f.b_one_ctx(ctx, a)),
      expected: e1,
    },
    {
      id: "ffi_arrow_i64",
      label: "arrow wrapper → FFI symbol with a ctx pointer, i64 → i64",
      group: "baseline",
      run: caseGuest(info, "one_i64", (a: bigint) => f.b_one_i64(ctx, a)).run,
      expected: caseExpected("one_i64"),
    },
    {
      id: "ffi_arrow_f64",
      label: "arrow wrapper → FFI symbol with a ctx pointer, f64 → f64",
      group: "baseline",
      run: caseGuest(info, "one_f64", (a: number) => f.b_one_f64(ctx, a)).run,
      expected: caseExpected("one_f64"),
    },
    {
      id: "ffi_direct",
      label: "FFI symbol passed directly as the import",
      group: "baseline",
      run: one(f.b_one),
      expected: e1,
      ...(directMaxN === undefined ? {} : { maxN: directMaxN }),
    },
    {
      id: "wrapper_array",
      label: "2 results: JS wrapper fills an out-struct, returns [a, b]",
      group: "baseline",
      run: two((a: number) => {
        f.b_two(out, a);
        return [results[0], results[1]];
      }),
      expected: e2,
      maxN: 1 << 22,
    },
  ];
}
