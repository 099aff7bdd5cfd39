/**
 * What both TS emitters need about each import, resolved once from the
 * layout: safe JS names, the kind of call (no result, one, or several through
 * the stub), where a multi-result import's out-area is, and the C prototype
 * shown in the docs. Emitters only print these values.
 *
 * @example
 * ```ts
 * import { tsModel } from "./model.ts";
 * const model = tsModel(cx);
 * model.imports.find((i) => i.kind === "multi")?.outOffset; // e.g. 256
 * ```
 * @module
 */
import type { ValueType } from "../../ir/types.ts";
import { C_TYPE } from "../../layout/signature.ts";
import type { EmitContext } from "../context.ts";
import { buildStub, type StubModule } from "../stub/mod.ts";
import { safeJsName } from "./names.ts";

/** The runtime's locals a wrapper body refers to; parameters must not shadow them. */
export const WRAPPER_LOCALS: readonly string[] = ["heap", "size", "sync", "words", "trap", "ctx", "result", "closed", "closedError"];

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
  /** True for `@noctx`: no ctx argument and no trap check. */
  noctx: boolean;
  /** JSDoc text, `""` when none. */
  doc: string;
  /** Parameters with JS-safe names, in order. */
  params: { name: string; type: ValueType }[];
  /** Results in order; `label` is the JS-safe tuple label, `null` when unlabelled. */
  results: { label: string | null; type: ValueType }[];
  /** Byte offset of the out-area in the stub memory (`multi` only, else -1). */
  outOffset: number;
  /** The local `const` holding the FFI function. */
  nativeBinding: string;
  /** The local `const` holding the out-pointer (`multi` only). */
  outBinding: string;
  /** The C prototype, for documentation. */
  cPrototype: string;
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
}

/** Models already resolved, per context: `generate()` emits Deno and Bun from one context. */
const models = new WeakMap<EmitContext, TsModel>();

/**
 * Resolves the model for `cx`, once per context: the Deno and Bun emitters
 * share it (with the stub it is a third of each emitter's time for big
 * inputs). The model is read-only for emitters.
 *
 * @example
 * ```ts
 * tsModel(cx).imports.map((i) => i.kind); // ["multi", "single"]
 * tsModel(cx) === tsModel(cx); // true
 * ```
 */
export function tsModel(cx: EmitContext): TsModel {
  let model = models.get(cx);
  if (model === undefined) {
    model = resolveModel(cx);
    models.set(cx, model);
  }
  return model;
}

function resolveModel(cx: EmitContext): TsModel {
  const imports = cx.layout.imports.map((imp, i): TsImport => {
    const fn = imp.fn;
    // The runtime's locals and the parameters named so far (a handful: a list, not a Set per import).
    const named: string[] = [];
    const taken = { has: (n: string) => WRAPPER_LOCAL_SET.has(n) || named.includes(n) };
    const params = fn.params.map((p) => {
      // `native_*` and `out_*` are the runtime's per-import bindings.
      const base = p.name.startsWith("native_") || p.name.startsWith("out_") ? `p_${p.name}` : p.name;
      const name = safeJsName(base, taken);
      named.push(name);
      return { name, type: p.type };
    });
    const labels = new Set<string>();
    const results = fn.results.map((r) => {
      if (!r.labelled) return { label: null, type: r.type };
      const label = safeJsName(r.name, labels);
      labels.add(label);
      return { label, type: r.type };
    });
    const cParams = imp.params.map((p) => `${p.cType}${p.cType.endsWith("*") ? "" : " "}${p.name}`);
    const cReturn = imp.returns === null ? "void" : C_TYPE[imp.returns];
    return {
      module: fn.module,
      name: fn.name,
      symbol: imp.symbol,
      kind: fn.results.length === 0 ? "void" : fn.results.length === 1 ? "single" : "multi",
      noctx: fn.noctx,
      doc: fn.doc,
      params,
      results,
      outOffset: cx.layout.stubMemory.outOffset[i] ?? -1,
      nativeBinding: `native_${imp.symbol}`,
      outBinding: `out_${imp.symbol}`,
      cPrototype: `${cReturn} ${imp.symbol}(${cParams.length === 0 ? "void" : cParams.join(", ")})`,
    };
  });
  let at = 0;
  const modules = cx.decls.modules.map((m) => {
    const mine = imports.slice(at, at + m.functions.length);
    at += m.functions.length;
    return { name: m.name, doc: m.doc, imports: mine };
  });
  return { modules, imports, stub: buildStub(cx.layout) };
}
