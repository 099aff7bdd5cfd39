/**
 * The wasm call-stub module. It serves the imports on two call paths:
 *
 * - `out`: for an import with two or more results, the stub imports a JS
 *   wrapper of type `(params) -> ()` that calls the native function with an
 *   out-pointer into the stub's memory (the import's out-area), and exports
 *   a function with the guest's exact type that calls the wrapper, then
 *   loads the results from the out-area and returns them natively
 *   (multi-value).
 * - `block` (the memory call path): the stub's export stores the parameters
 *   into the argument block (`i64.store`: never a BigInt), calls a JS wrapper
 *   of type `() -> ()`, which calls the native shim, and loads
 *   the results: a single one from the block, two or more from the import's
 *   out-area, where the shim had the native function write them.
 *
 * A call of a multi-result import made while another call of it runs (native
 * code calling back into JS, and so into the guest) keeps the outer call's
 * results in the stub's locals until it has loaded its own, on either path:
 * a nesting depth (a mutable i32 global) tells the stub it is nested.
 *
 * Imports on the `direct` path call the FFI function from JS and are not in
 * the stub.
 * A guest calling the export makes a wasm→wasm call; no JS array is built
 * (returning an array to wasm costs ~80–100 ns a call, the stub ~11: src/emit/ts/README.md).
 *
 * The stub's memory (`hostbind.hostbind_memory`, created by the runtime with
 * `initial = maximum` so it never grows or moves) also holds `hostbind_ctx`
 * at offset 0; the layout's {@link StubMemoryPlan} says where everything is.
 *
 * @example
 * ```ts
 * import { buildStub } from "./mod.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const stub = buildStub(cx.layout);
 * new WebAssembly.Module(stub.bytes as Uint8Array<ArrayBuffer>); // validates
 * stub.functions[0]?.symbol;           // "env_divmod"
 * ```
 * @module
 */
import { WASM_TYPE, type WasmType } from "../../ir/types.ts";
import type { Layout } from "../../layout/mod.ts";
import {
  ByteWriter,
  EXTERNAL,
  funcType,
  limits,
  LOAD,
  OP,
  PREAMBLE,
  section,
  SECTION,
  STORE,
  VALTYPE,
  codeEntry,
} from "./encoder.ts";

import { argumentOffset, type CallPath, callPaths } from "../../layout/paths.ts";

/** The import module name the stub uses for the memory and the JS wrappers. */
export const STUB_IMPORT_MODULE = "hostbind";

/** The import field name of the stub's memory. */
// Not a name any import can have: imports are named by C symbol, and `hostbind_` is refused as one.
export const STUB_MEMORY_FIELD = "hostbind_memory";

/** One result the stub loads: its wasm type and absolute byte offset in the stub memory. */
export interface StubResult {
  /** The wasm type loaded. */
  type: WasmType;
  /** Byte offset in the stub memory (out-area offset plus field offset). */
  offset: number;
}

/** One import the stub serves, as it sees it. */
export interface StubFunction {
  /** `out` or `block` (see {@link CallPath}). */
  path: "out" | "block";
  /** Index of the import in `Layout.imports`. */
  layoutIndex: number;
  /** The C symbol; also the stub's import field and export name (unique, a C identifier). */
  symbol: string;
  /** The wasm parameter types, as the guest declares them. */
  params: WasmType[];
  /** The results in order, with where the stub loads each from. */
  results: StubResult[];
  /** Byte offset of this import's out-area (the `out` pointer the native function gets), or -1 with fewer than two results. */
  outOffset: number;
  /** Byte offset of each parameter in the stub memory (`block` path; empty on the `out` path). */
  paramOffsets: number[];
}

/** The built stub. */
export interface StubModule {
  /** The module's binary encoding. */
  bytes: Uint8Array;
  /** Size of the imported memory in 64 KiB pages (both its minimum and maximum). */
  pages: number;
  /** The imports the stub serves, in `Layout.imports` order. */
  functions: StubFunction[];
}

/**
 * Describes the stub's functions without encoding them; `paths` gives each
 * import's call path (default: `out` for two or more results, else `direct`).
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * stubFunctions(cx.layout).map((f) => f.symbol); // ["env_divmod"]
 * ```
 */
export function stubFunctions(layout: Layout, paths: readonly CallPath[] = callPaths(layout, "none")): StubFunction[] {
  const out: StubFunction[] = [];
  const block = layout.stubMemory.blockOffset;
  layout.imports.forEach((imp, i) => {
    const path = paths[i] ?? "direct";
    if (path === "direct") return;
    const params = imp.wire.params.map((p) => WASM_TYPE[p.type]);
    const outOffset = imp.result ? layout.stubMemory.outOffset[i] ?? -1 : -1;
    if ((path === "out" || imp.result) && outOffset < 0) throw new Error(`bug: import ${imp.symbol} has no out-area`);
    const results = imp.result
      ? imp.result.fields.map((f) => ({ type: WASM_TYPE[f.type], offset: outOffset + f.offset }))
      : imp.returns === null
      ? []
      : [{ type: WASM_TYPE[imp.returns], offset: block }];
    out.push({
      path,
      layoutIndex: i,
      symbol: imp.symbol,
      params,
      results,
      outOffset,
      paramOffsets: path === "block" ? params.map((_, k) => block + argumentOffset(k)) : [],
    });
  });
  return out;
}

/**
 * Builds the stub module for `layout` (always valid; with no multi-result imports it only imports the memory).
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const { bytes, pages } = buildStub(cx.layout);
 * new WebAssembly.Memory({ initial: pages, maximum: pages }); // what the stub imports
 * ```
 */
export function buildStub(layout: Layout, paths?: readonly CallPath[]): StubModule {
  const functions = stubFunctions(layout, paths);
  const pages = layout.stubMemory.pages;
  const types = new TypeTable();
  // An out-path wrapper takes the guest's arguments; a memory-path one none (they are in the block).
  const wrapperType = functions.map((f) => types.index(f.path === "out" ? f.params : [], []));
  const exportType = functions.map((f) => types.index(f.params, f.results.map((r) => r.type)));
  const n = functions.length;

  // A multi-result import's results leave the nested and the outer branch as a block of type [] -> results.
  const resultsType = functions.map((f) => (nests(f) ? types.index([], f.results.map((r) => r.type)) : -1));
  const typeSec = new ByteWriter().vec(types.entries, (t, w) => w.raw(t));
  const importSec = new ByteWriter()
    .u32(n + 1)
    .name(STUB_IMPORT_MODULE).name(STUB_MEMORY_FIELD).byte(EXTERNAL.memory).raw(limits(pages, pages));
  functions.forEach((f, i) => importSec.name(STUB_IMPORT_MODULE).name(f.symbol).byte(EXTERNAL.func).u32(wrapperType[i]!));
  const funcSec = new ByteWriter().vec(exportType, (t, w) => w.u32(t));
  // With multi-result imports: one mutable i32 global, the nesting depth of their calls, 0 between
  // calls. Not exported: an engine may then keep it in the instance instead of a shared cell.
  const nested = functions.some(nests);
  const globalSec = new ByteWriter().u32(1).byte(VALTYPE.i32).byte(1).byte(OP.i32Const).s32(0).byte(OP.end);
  // Imported functions take indices 0..n-1, so the stub's own function i is n + i.
  const exportSec = new ByteWriter().u32(functions.length);
  functions.forEach((f, i) => exportSec.name(f.symbol).byte(EXTERNAL.func).u32(n + i));
  const codeSec = new ByteWriter().vec(functions, (f, w, i) => w.raw(codeEntry(stubBody(f, i, resultsType[i]!), stubLocals(f))));

  const bytes = new ByteWriter().raw(PREAMBLE)
    .raw(section(SECTION.type, typeSec.bytes()))
    .raw(section(SECTION.import, importSec.bytes()))
    .raw(section(SECTION.function, funcSec.bytes()))
    .raw(nested ? section(SECTION.global, globalSec.bytes()) : new Uint8Array(0))
    .raw(section(SECTION.export, exportSec.bytes()))
    .raw(section(SECTION.code, codeSec.bytes()))
    .bytes();
  return { bytes, pages, functions };
}

/** True for an import whose results are in its out-area: its calls track their nesting. */
function nests(f: StubFunction): boolean {
  return f.outOffset >= 0;
}

/**
 * The integer type that holds each result's bits while a nested call runs:
 * the saved copy is never a float, so no NaN payload can change on the way.
 */
function savedType(r: StubResult): WasmType {
  return r.type === "i64" || r.type === "f64" ? "i64" : "i32";
}

/** The locals after the parameters: with an out-area, the depth and one saved copy per result. */
function stubLocals(f: StubFunction): WasmType[] {
  return nests(f) ? ["i32", ...f.results.map(savedType)] : [];
}

/**
 * `block` with fewer than two results: `(i32.const 0; local.get i; T.store
 * offset=…)*; call wrapper; (i32.const 0; T.load offset=…)?`.
 *
 * With an out-area (two or more results, either path): the depth d (the
 * stub's global 0) is read and raised; the block path stores its arguments;
 * at depth 0 the stub calls the wrapper (the out path passes the arguments)
 * and loads the results from constant addresses (`i32.const 0; T.load
 * offset=…`, as cheap as a load gets). In a nested call (d > 0) it first
 * saves what the outer call of the import has written to the out-area in
 * locals, and puts it back after loading its own results. Either way d is
 * restored; a `catch_all` around the call restores it (and the outer call's
 * results) when the wrapper throws, and rethrows, so a trap leaves nothing behind.
 */
function stubBody(f: StubFunction, wrapperIndex: number, resultsType: number): Uint8Array {
  const w = new ByteWriter();
  const zero = () => w.byte(OP.i32Const).s32(0);
  const loadAll = () => {
    for (const r of f.results) {
      const load = LOAD[r.type];
      zero();
      w.byte(load.op).u32(load.alignLog2).u32(r.offset);
    }
  };
  const storeArguments = () => {
    f.params.forEach((type, i) => {
      const store = STORE[type];
      zero();
      w.byte(OP.localGet).u32(i).byte(store.op).u32(store.alignLog2).u32(f.paramOffsets[i]!);
    });
  };
  if (!nests(f)) {
    storeArguments();
    w.byte(OP.call).u32(wrapperIndex);
    loadAll();
    return w.bytes();
  }
  // Locals after the parameters: the depth, then the saved copy of each result.
  const d = f.params.length;
  const saved = (k: number) => d + 1 + k;
  const restoreDepth = () => w.byte(OP.localGet).u32(d).byte(OP.globalSet).u32(0);
  const save = () => {
    f.results.forEach((r, k) => {
      const load = LOAD[savedType(r)];
      zero();
      w.byte(load.op).u32(load.alignLog2).u32(r.offset).byte(OP.localSet).u32(saved(k));
    });
  };
  const restore = () => {
    f.results.forEach((r, k) => {
      const store = STORE[savedType(r)];
      zero();
      w.byte(OP.localGet).u32(saved(k)).byte(store.op).u32(store.alignLog2).u32(r.offset);
    });
  };
  // try { call wrapper } catch_all { (restore the outer results); restore d; rethrow }
  const guardedCall = (onThrow: () => void) => {
    w.byte(OP.try).byte(0x40);
    if (f.path === "out") for (let i = 0; i < f.params.length; i++) w.byte(OP.localGet).u32(i);
    w.byte(OP.call).u32(wrapperIndex);
    w.byte(OP.catchAll);
    onThrow();
    restoreDepth();
    w.byte(OP.rethrow).u32(0);
    w.byte(OP.end);
  };
  w.byte(OP.globalGet).u32(0).byte(OP.localTee).u32(d).byte(OP.i32Const).s32(1).byte(OP.i32Add).byte(OP.globalSet).u32(0);
  if (f.path === "block") storeArguments();
  w.byte(OP.localGet).u32(d).byte(OP.if).s32(resultsType);
  save();
  guardedCall(restore);
  loadAll();
  restore();
  w.byte(OP.else);
  guardedCall(() => {});
  loadAll();
  w.byte(OP.end);
  restoreDepth();
  return w.bytes();
}

/** Function types, deduplicated, in order of first use (deterministic). */
class TypeTable {
  readonly entries: Uint8Array[] = [];
  readonly #index = new Map<string, number>();

  index(params: readonly WasmType[], results: readonly WasmType[]): number {
    const key = `${params.join(",")}->${results.join(",")}`;
    const found = this.#index.get(key);
    if (found !== undefined) return found;
    this.#index.set(key, this.entries.length);
    this.entries.push(funcType(params, results));
    return this.entries.length - 1;
  }
}
