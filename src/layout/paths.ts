/**
 * How the bindings reach each import's native function — the call paths —
 * and the names of the memory call path's native shims (docs/abi.md §6).
 * One table for every output: the stub builder, the TS emitters and the C
 * and Rust shims all ask it.
 *
 * @example
 * ```ts
 * import { callPaths, layoutSymbol } from "./paths.ts";
 * import { layout } from "./mod.ts";
 * import { readDts } from "../parse/mod.ts";
 * const l = layout(readDts("declare namespace env { function f(): [i32, i32]; function g(a: i64): i64; }", "m.d.ts"));
 * callPaths(l, "none"); // ["out", "direct"]
 * callPaths(l, "i64"); // ["out", "block"]
 * layoutSymbol(l); // "hostbind_layout_env_f"
 * ```
 * @module
 */
import type { ValueType } from "../ir/types.ts";
import type { Layout } from "./mod.ts";
import type { ImportLayout } from "./signature.ts";

/**
 * How the bindings call one import's native function: `direct` from a JS
 * wrapper with the arguments, `out` through the stub with an out-pointer
 * (two or more results), `block` through the stub and the argument block
 * with a native shim given only the Host's address (the memory call path).
 */
export type CallPath = "direct" | "out" | "block";

/**
 * Which imports a runtime's bindings call through the memory path: `none`;
 * `i64`, those where a BigInt would otherwise cross into JS (an i64/u64
 * parameter, or a single i64/u64 result: two or more results come back
 * through memory on the out path too); `i64-two`, those where two or more
 * BigInts would, or one would and two or more results come back (on Deno
 * one BigInt costs less than the memory path's own work, two cost more, and
 * so does one beside the out path's pointer); or `all`. Never the `@noctx`
 * ones: they name functions of libraries the user does not build, which
 * have no shims.
 */
export type MemoryPathRule = "none" | "i64" | "i64-two" | "i64-or-many" | "all";

/**
 * The most arguments Bun's FFI takes in one native call: a signature with
 * more is refused at `dlopen` ("bun:ffi: unsupported signature"; measured
 * with Bun 1.4: 31 `i32`s and a pointer load, 32 `i32`s or 33 arguments do
 * not). Deno and Node take more. Under `i64-or-many` an import whose native
 * function takes more goes through its shim, which takes none.
 */
export const MAX_BUN_ARGS = 31;

/**
 * The memory-path rule of each runtime's bindings, in one place: the
 * dialects use it, and the header and `--stubs` skeleton say from it
 * exactly which imports need the call shims on which runtime. Node: every
 * import (node:ffi checks arguments in JS; a shim takes none). Bun: where a
 * BigInt would cross into JS (bench: i64 → i64 26.3 → 9.8 ns), and where the
 * native function takes more arguments than Bun's FFI does. Deno: where
 * two or more would (one BigInt costs less than the memory path's own work:
 * (i64) → i32 9.5 ns direct, 11.0 through the block), or one would beside
 * two or more results (bench, both paths forced: (i64, f64) → [i64, f64]
 * 14.9 ns on the out path, 13.2 through the block; (i32, i64, f32, f64) →
 * four results 17.5 and 14.7).
 */
export const RUNTIME_MEMORY_PATH = { deno: "i64-two", bun: "i64-or-many", node: "all" } as const satisfies Record<
  string,
  MemoryPathRule
>;

/** A runtime hostbind generates bindings for. */
export type BindingRuntime = keyof typeof RUNTIME_MEMORY_PATH;

/**
 * For each runtime, the imports of `layout` its bindings call through the
 * call shims (the memory path): what a library built without the shims
 * (without `HOSTBIND_IMPLEMENTATION` in C) fails to serve there.
 *
 * @example
 * ```ts
 * import { layout } from "./mod.ts";
 * import { readDts } from "../parse/mod.ts";
 * const l = layout(readDts("declare namespace env { function f(): i32; function g(a: i64): i64; }", "m.d.ts"));
 * shimUsers(l).bun.map((imp) => imp.fn.name); // ["g"]
 * ```
 */
export function shimUsers(layout: Layout): Record<BindingRuntime, ImportLayout[]> {
  const users = (rule: MemoryPathRule) => layout.imports.filter((imp) => hasShim(imp) && onMemoryPath(imp, rule));
  return { deno: users(RUNTIME_MEMORY_PATH.deno), bun: users(RUNTIME_MEMORY_PATH.bun), node: users(RUNTIME_MEMORY_PATH.node) };
}

/** True when `imp` has a shim (every import but `@noctx` ones): the header and NAME.rs define one. */
export function hasShim(imp: ImportLayout): boolean {
  return !imp.fn.noctx;
}

/**
 * Each import's call path under `rule`: `block` on the memory path, else
 * `out` for two or more results and `direct` for the rest.
 *
 * @example
 * ```ts
 * declare const l: import("./mod.ts").Layout;
 * callPaths(l, "all"); // "block" for every import that has a shim
 * ```
 */
export function callPaths(layout: Layout, rule: MemoryPathRule): CallPath[] {
  return layout.imports.map((imp) => (hasShim(imp) && onMemoryPath(imp, rule) ? "block" : imp.result ? "out" : "direct"));
}

function onMemoryPath(imp: ImportLayout, rule: MemoryPathRule): boolean {
  // An async import runs its shim off the JS thread, on every runtime: the arguments wait in the block.
  if (imp.fn.async) return true;
  // A `string`/`Uint8Array` is checked (bounds, UTF-8) and its result copied by the shim, on every runtime.
  if (imp.wire.hasData) return true;
  if (rule === "none" || rule === "all") return rule === "all";
  if (rule === "i64-or-many" && imp.params.length > MAX_BUN_ARGS) return true;
  const crossing = bigIntsCrossing(imp);
  if (rule === "i64-two") return crossing >= 2 || (crossing >= 1 && imp.wire.results.length >= 2);
  return crossing >= 1;
}

/** How many BigInts a direct (or out-path) call of `imp` passes between wasm, JS and the FFI. */
function bigIntsCrossing(imp: ImportLayout): number {
  const wide = (t: ValueType) => t === "i64" || t === "u64";
  const results = imp.wire.results;
  return imp.wire.params.filter((p) => wide(p.type)).length + (results.length === 1 && wide(results[0]!.type) ? 1 : 0);
}

/**
 * Where parameter `index` of an import on the memory path sits in the
 * argument block: 8 bytes a parameter, in order, whatever its type.
 *
 * @example `argumentOffset(2); // 16`
 */
export function argumentOffset(index: number): number {
  return 8 * index;
}

/**
 * Where an async import's `string`/`Uint8Array` result waits in the argument
 * block between its entry (off the JS thread) and its finish function (on
 * it): the native copy's address, its length, the guest's return area
 * (docs/abi.md §9). The arguments were read by then.
 */
export const STAGED_RESULT = { pointer: 0, len: 8, retptr: 12, size: 16 } as const;

/**
 * The bytes of a Host's async request (docs/abi.md §9): the memory an async
 * entry is called with, whose first pointer-sized word holds the Host's
 * context. On Node it is the libuv `uv_work_t` the entry runs under (its
 * `data` field comes first): 128 bytes on 64-bit Linux and macOS, under 200
 * on Windows, checked against `uv_req_size()` when a Host loads.
 */
export const ASYNC_REQUEST_BYTES = 256;

/**
 * The shim of `imp`: `hostbind_shim_SYMBOL`.
 *
 * @example
 * ```ts
 * declare const imp: import("./signature.ts").ImportLayout; // env.divmod
 * shimSymbol(imp); // "hostbind_shim_env_divmod"
 * ```
 */
export function shimSymbol(imp: ImportLayout): string {
  return `hostbind_shim_${imp.symbol}`;
}

/**
 * The entry of an async import's shim, `hostbind_async_SYMBOL(void *ctx)`:
 * it points the shims of the calling thread at the Host whose context it is
 * given, then runs the shim (docs/abi.md §9). The bindings call it off the
 * JS thread.
 *
 * @example
 * ```ts
 * declare const imp: import("./signature.ts").ImportLayout; // env.read, async
 * asyncSymbol(imp); // "hostbind_async_env_read"
 * ```
 */
export function asyncSymbol(imp: ImportLayout): string {
  return `hostbind_async_${imp.symbol}`;
}

/**
 * The finish function of an async import with a `string`/`Uint8Array`
 * result, `hostbind_finish_SYMBOL(void)`: called on the JS thread after the
 * entry returned, it hands the result, copied aside off the JS thread, to
 * the guest's allocator (docs/abi.md §9).
 *
 * @example
 * ```ts
 * declare const imp: import("./signature.ts").ImportLayout; // env.read, async
 * finishSymbol(imp); // "hostbind_finish_env_read"
 * ```
 */
export function finishSymbol(imp: ImportLayout): string {
  return `hostbind_finish_${imp.symbol}`;
}

/**
 * The function that returns {@link layoutFingerprint} from a built library,
 * `hostbind_layout_FIRST`, named after the first import with a shim — the
 * same whatever `--name` the header and the bindings were generated with,
 * and distinct for two headers implemented in one library (their symbols
 * cannot clash) — or `undefined` when no import has a shim.
 *
 * @example
 * ```ts
 * declare const l: import("./mod.ts").Layout; // env.divmod first
 * layoutSymbol(l); // "hostbind_layout_env_divmod"
 * ```
 */
export function layoutSymbol(layout: Layout): string | undefined {
  const first = layout.imports.find(hasShim);
  return first === undefined ? undefined : `hostbind_layout_${first.symbol}`;
}

/**
 * A 32-bit number (FNV-1a) of everything the shims compiled into a library
 * depend on: each import's symbol, wasm types, context and out-area, and
 * where the argument block is. The header and NAME.rs bake it into the
 * library; the bindings compare at `load()`, so a library built from an earlier version
 * of the declarations (an import added, removed or retyped) is refused with
 * "rebuild it" instead of reading arguments at old offsets.
 *
 * @example
 * ```ts
 * declare const l: import("./mod.ts").Layout;
 * layoutFingerprint(l).toString(16); // e.g. "9c1f04d2"
 * ```
 */
export function layoutFingerprint(layout: Layout): number {
  const { blockOffset, allocatorSlot, callTableOffset } = layout.stubMemory;
  // Data types are part of it: the shims check a `string` where they would pass two `u32`s.
  // The shims take their Host's address as an f64 (a library whose shims found it through a
  // thread-local pointer, hostbind before that, has another fingerprint).
  const parts = ["host(f64)", `block ${blockOffset}`, ...(allocatorSlot >= 0 ? [`allocator ${callTableOffset + 8 * allocatorSlot}`] : [])];
  layout.imports.forEach((imp, i) => {
    if (!hasShim(imp)) return;
    // The entry takes the Host's async request (docs/abi.md §9): a library whose entries took the context
    // itself (hostbind before the request) has another fingerprint, so load() refuses it.
    const promised = imp.fn.async ? " async(request)" : "";
    // Two or more results go to the import's out-area (a library whose shims copied them into the
    // block, hostbind before that, has another fingerprint).
    const out = imp.result ? ` out@${layout.stubMemory.outOffset[i]}` : "";
    parts.push(`${imp.symbol}(${imp.fn.params.map((p) => p.type).join(",")})->(${imp.fn.results.map((r) => r.type).join(",")})${promised}${out}`);
  });
  for (const e of layout.guestExports) parts.push(`export ${e.offset} ${e.exp.symbol}(${e.params.map((p) => p.type).join(",")})->(${e.returns ?? ""})`);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(parts.join(";"))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** {@link layoutFingerprint} as C, Rust and TS write it: `0x` and eight hex digits. */
export function fingerprintHex(layout: Layout): string {
  return `0x${layoutFingerprint(layout).toString(16).padStart(8, "0")}`;
}

/**
 * The optional lifecycle functions a library may define for the header of
 * output name `name` (other characters than letters, digits and `_` become
 * `_`): `void hostbind_open_NAME(hostbind_ctx *ctx)`, called when `load()`
 * creates a Host, and `hostbind_close_NAME`, called at its `close()`.
 *
 * @example
 * ```ts
 * lifecycleSymbols("divmod"); // { open: "hostbind_open_divmod", close: "hostbind_close_divmod" }
 * ```
 */
export function lifecycleSymbols(name: string): { open: string; close: string } {
  const safe = name.replace(/[^A-Za-z0-9_]/g, "_");
  return { open: `hostbind_open_${safe}`, close: `hostbind_close_${safe}` };
}
