/**
 * What both TS emitters need about each import, resolved once from the
 * layout: safe JS names, the kind of call (no result, one, or several through
 * the stub), where a multi-result import's out-area is, and the C prototype
 * shown in the docs. Emitters only print these values.
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { tsModel } from "./model.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "d.d.ts");
 * tsModel(createEmitContext(decls, "d", undefined)).imports[0]?.outOffset; // 256
 * ```
 * @module
 */
import type { ValueType } from "../../ir/types.ts";
import { C_TYPE, type ImportLayout } from "../../layout/signature.ts";
import type { EmitContext } from "../context.ts";
import {
  asyncSymbol,
  type CallPath,
  finishSymbol,
  callPaths,
  fingerprintHex,
  hasShim,
  layoutSymbol,
  type MemoryPathRule,
  shimSymbol,
} from "../../layout/paths.ts";
import { buildStub, type StubModule } from "../stub/mod.ts";
import { safeJsName } from "./names.ts";

/**
 * The JS type of each value type.
 *
 * @example
 * ```ts
 * JS_TYPE.i64; // "bigint"
 * ```
 */
export const JS_TYPE: Readonly<Record<ValueType, string>> = {
  i32: "number",
  u32: "number",
  i64: "bigint",
  u64: "bigint",
  f32: "number",
  f64: "number",
};

/**
 * How a wrapper passes each argument on, so that an import called from JS
 * converts its arguments as one called from wasm does (ToInt32, ToUint32,
 * ToNumber): `7.9` → 7, `undefined` → 0 or NaN, `2 ** 32 + 5` → 5. For
 * arguments from wasm, already of their type, the engines compile these
 * away. A 64-bit argument that is a bigint passes as it is (both runtimes'
 * FFI wraps one outside 64 bits modulo 2^64, as wasm does); anything else
 * goes through `BigInt.asIntN`/`asUintN`, which throws a TypeError for a
 * number, as wasm's ToBigInt64 does. (`as…N` on every call would cost
 * several ns on V8: the `typeof` test keeps it off the wasm path.)
 *
 * @example
 * ```ts
 * JS_TO_WASM.i32("x"); // "x | 0"
 * ```
 */
export const JS_TO_WASM: Readonly<Record<ValueType, (name: string) => string>> = {
  i32: (n) => `${n} | 0`,
  u32: (n) => `${n} >>> 0`,
  i64: (n) => `(typeof ${n} === "bigint" ? ${n} : BigInt.asIntN(64, ${n}))`,
  // From wasm a u64 arrives signed (a negative bigint above 2^63), which the FFI's u64 wraps itself.
  u64: (n) => `(typeof ${n} === "bigint" ? ${n} : BigInt.asUintN(64, ${n}))`,
  f32: (n) => `+${n}`,
  f64: (n) => `+${n}`,
};

/** The runtime's locals a wrapper body refers to; parameters must not shadow them. */
export const WRAPPER_LOCALS: readonly string[] = [
  "heap", "sync", "words", "trap", "ctx", "result", "closed", "closedError", "host",
];

const WRAPPER_LOCAL_SET: ReadonlySet<string> = new Set(WRAPPER_LOCALS);

/** One import, ready to print. */
export interface TsImport {
  /** The wasm import module name. */
  module: string;
  /** The wasm import field name. */
  name: string;
  /** The C symbol (a C identifier, so also a valid JS identifier and `symbols` key). */
  symbol: string;
  /** `void`: no result; `single`: one result returned directly; `multi`: 2+ results through the stub. */
  kind: "void" | "single" | "multi";
  /** How the bindings call the native side (see {@link CallPath}). */
  path: CallPath;
  /** The native shim of the memory call path (`hostbind_shim_SYMBOL`), given its Host's address as an f64. */
  shimSymbol: string;
  /** True for `@noctx`: no ctx argument and no trap check. */
  noctx: boolean;
  /** JSDoc text, `""` when none. */
  doc: string;
  /** Parameters with JS-safe names, in order. */
  params: { name: string; type: ValueType }[];
  /** Results in order; `label` is the JS-safe tuple label, `null` when unlabelled. */
  results: { label: string | null; type: ValueType }[];
  /** The JS parameter list, `a: number, b: bigint` (the `Imports` type and the wrapper both print it). */
  jsParams: string;
  /** The JS result type: `void`, `number`, `[quot: number, rem: number]`. */
  jsResult: string;
  /** Byte offset of the out-area in the stub memory (`multi` only, else -1). */
  outOffset: number;
  /** The local `const` holding the FFI function. */
  nativeBinding: string;
  /** The local `const` holding the out-pointer (`multi` only). */
  outBinding: string;
  /** The C prototype, for documentation. */
  cPrototype: string;
  /** True when a parameter or the result is a `string`/`Uint8Array` (the native function takes views, not wasm values). */
  data: boolean;
  /** The index of its entry in `ASYNC_SYMBOLS` for an async import (`Promise<T>`), else -1. */
  asyncIndex: number;
  /** For an async import with a `string`/`Uint8Array` result: its finish function (`hostbind_finish_SYMBOL`), else `""`. */
  finishSymbol: string;
}

/** A guest export native code calls, as the bindings serve it (docs/abi.md §8). */
export interface TsGuestCall {
  /** The guest's export name. */
  name: string;
  /** `NAMESPACE.NAME` for messages. */
  label: string;
  /** Its parameters' value types. */
  params: ValueType[];
  /** Its result's value type, `null` for none. */
  result: ValueType | null;
  /** Byte offset of its slot in the stub memory. */
  offset: number;
}

/** One import module with its imports. */
export interface TsModule {
  /** The wasm import module name. */
  name: string;
  /** JSDoc text, `""` when none. */
  doc: string;
  /** Its imports in declaration order. */
  imports: TsImport[];
}

/** Everything the TS emitters print. */
export interface TsModel {
  /** Modules in declaration order. */
  modules: TsModule[];
  /** All imports in declaration order (the layout's order). */
  imports: TsImport[];
  /** The call-stub module. */
  stub: StubModule;
  /** The function that returns the library's layout fingerprint (`hostbind_layout_FIRST`), or `""` when no import takes the memory path. */
  layoutSymbol: string;
  /** The fingerprint the library must return, `0x…` (see `layoutFingerprint`). */
  fingerprint: string;
  /**
   * Every function a library built from the header defines (with its shims), in order: what a
   * failed `load()` checks one by one, the same list whichever runtime's bindings ask.
   */
  headerSymbols: string[];
  /** The guest exports native code calls, in call-table order. */
  guestCalls: TsGuestCall[];
  /**
   * The allocator of `string`/`Uint8Array` results: its slot's offset, the
   * export bound by default, and the imports that need it; `null` when none does.
   */
  allocator: { offset: number; name: string; users: string[] } | null;
  /** The entries of the async imports (`hostbind_async_SYMBOL`), in declaration order; empty when none. */
  asyncSymbols: string[];
  /** Offset of the Host's async request in the stub memory (docs/abi.md §9), or -1 without async imports. */
  asyncRequest: number;
}

/**
 * Resolves the model for `cx`. The Deno and Bun emitters share it:
 * `generate()` builds it once and hands it to both. The model is read-only
 * for emitters.
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function f(): [i32, i32]; function g(): f64; }", "m.d.ts");
 * tsModel(createEmitContext(decls, "m", undefined)).imports.map((i) => i.kind); // ["multi", "single"]
 * ```
 */
export function tsModel(cx: EmitContext, rule: MemoryPathRule = "none"): TsModel {
  const paths = callPaths(cx.layout, rule);
  const asyncImports = cx.layout.imports.filter((imp) => imp.fn.async);
  const imports = cx.layout.imports.map((imp, i) => resolveImport(imp, cx.layout.stubMemory.outOffset[i] ?? -1, paths[i]!, asyncImports.indexOf(imp)));
  let at = 0;
  const modules: TsModule[] = [];
  for (const m of cx.decls.modules) {
    modules.push({ name: m.name, doc: m.doc, imports: imports.slice(at, at + m.functions.length) });
    at += m.functions.length;
  }
  const shimmed = cx.layout.imports.filter(hasShim);
  const headerSymbols = [
    ...cx.layout.imports.map((imp) => imp.symbol),
    ...shimmed.map(shimSymbol),
    ...asyncImports.map(asyncSymbol),
    ...asyncImports.filter((imp) => imp.dataResult !== null).map(finishSymbol),
    ...(shimmed.length === 0 ? [] : [layoutSymbol(cx.layout)!]),
  ];
  const { callTableOffset, allocatorSlot } = cx.layout.stubMemory;
  const declaredAllocator = cx.layout.guestExports.find((e) => e.exp.allocator);
  return {
    modules,
    imports,
    guestCalls: cx.layout.guestExports.map((e) => ({
      name: e.exp.name,
      label: `${e.exp.namespace}.${e.exp.name}`,
      params: e.params.map((p) => p.type),
      result: e.returns,
      offset: e.offset,
    })),
    allocator: allocatorSlot < 0 ? null : {
      offset: callTableOffset + 8 * allocatorSlot,
      name: declaredAllocator?.exp.name ?? "cabi_realloc",
      users: cx.layout.imports.filter((imp) => imp.dataResult !== null).map((imp) => `${imp.fn.module}.${imp.fn.name}`),
    },
    stub: buildStub(cx.layout, paths),
    layoutSymbol: paths.includes("block") ? layoutSymbol(cx.layout)! : "",
    fingerprint: fingerprintHex(cx.layout),
    headerSymbols,
    asyncSymbols: asyncImports.map(asyncSymbol),
    asyncRequest: cx.layout.stubMemory.requestOffset,
  };
}

function resolveImport(imp: ImportLayout, outOffset: number, path: CallPath, asyncIndex: number): TsImport {
  const fn = imp.fn;
  // Parameters never shadow the runtime's locals or each other.
  const named: string[] = [];
  const taken = { has: (n: string) => WRAPPER_LOCAL_SET.has(n) || named.includes(n) };
  // The JS wrappers deal in wasm values: a `string` parameter is its `(ptr, len)` (docs/abi.md §7).
  const wire = imp.wire;
  const params = wire.params.map((p) => {
    // `native_*` and `out_*` are the runtime's per-import bindings.
    const base = p.name.startsWith("native_") || p.name.startsWith("out_") ? `p_${p.name}` : p.name;
    const name = safeJsName(base, taken);
    named.push(name);
    return { name, type: p.type };
  });
  const labels = new Set<string>();
  const results = wire.results.map((r) => {
    if (!r.labelled) return { label: null, type: r.type };
    const label = safeJsName(r.name, labels);
    labels.add(label);
    return { label, type: r.type };
  });
  const cParams = imp.params.map((p) => `${p.cType}${p.cType.endsWith("*") ? "" : " "}${p.name}`).join(", ");
  const cReturn = imp.returns === null ? "void" : C_TYPE[imp.returns];
  const kind = wire.results.length === 0 ? "void" : wire.results.length === 1 ? "single" : "multi";
  return {
    module: fn.module,
    name: fn.name,
    symbol: imp.symbol,
    kind,
    path,
    shimSymbol: shimSymbol(imp),
    noctx: fn.noctx,
    doc: fn.doc,
    params,
    results,
    jsParams: params.map((p) => `${p.name}: ${JS_TYPE[p.type]}`).join(", "),
    jsResult: jsResult(kind, results),
    outOffset,
    nativeBinding: `native_${imp.symbol}`,
    outBinding: `out_${imp.symbol}`,
    cPrototype: `${cReturn} ${imp.symbol}(${cParams === "" ? "void" : cParams})`,
    data: wire.hasData,
    asyncIndex,
    finishSymbol: fn.async && imp.dataResult !== null ? finishSymbol(imp) : "",
  };
}

/** The JS result type: `void`, the single result's type, or a (labelled) tuple. */
function jsResult(kind: TsImport["kind"], results: TsImport["results"]): string {
  if (kind === "void") return "void";
  if (kind === "single") return JS_TYPE[results[0]!.type];
  const labelled = results.every((r) => r.label !== null);
  return `[${results.map((r) => `${labelled ? `${r.label}: ` : ""}${JS_TYPE[r.type]}`).join(", ")}]`;
}
