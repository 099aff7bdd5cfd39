/**
 * Builders for hand-made IR, so emitter and layout tests need no parser
 * (STYLE: emitter tests build IR by hand). Defaults follow what the parser
 * produces: symbol `MODULE_NAME` escaped, results `f0, f1, …` when unnamed,
 * locations counted by declaration order.
 *
 * @example
 * ```ts
 * import { declarations, importFn, emitContext } from "./ir.ts";
 * const decls = declarations("divmod.d.ts", [{
 *   name: "env",
 *   functions: [importFn("env", "divmod", { params: [["a", "i32"], ["b", "i32"]], results: [["quot", "i32"], ["rem", "i32"]] })],
 * }]);
 * const cx = emitContext(decls); // name "divmod", lib undefined, x86_64-linux layout
 * ```
 * @module
 */
import { defaultSymbol } from "../../src/ir/names.ts";
import type { Declarations, ImportFunction, ImportModule, ValueType } from "../../src/ir/types.ts";
import { createEmitContext, type EmitContext } from "../../src/emit/context.ts";
import { defaultName } from "../../src/generate.ts";

/** A result given as a bare type (named `fN` by position) or as `[label, type]`. */
export type ResultSpec = ValueType | readonly [string, ValueType];

/** Options of {@link importFn}; all optional. */
export interface ImportFnOptions {
  /** Parameters as `[name, type]` pairs. @default [] */
  params?: readonly (readonly [string, ValueType])[];
  /** Results in order. @default [] */
  results?: readonly ResultSpec[];
  /** An explicit `@symbol`. @default `defaultSymbol(module, name)` */
  symbol?: string;
  /** `@noctx`. @default false */
  noctx?: boolean;
  /** A `Promise<T>` result. @default false */
  async?: boolean;
  /** JSDoc text. @default "" */
  doc?: string;
}

let line = 1;

/** One import function as the parser would produce it. */
export function importFn(module: string, name: string, options: ImportFnOptions = {}): ImportFunction {
  return {
    module,
    name,
    symbol: options.symbol ?? defaultSymbol(module, name),
    symbolExplicit: options.symbol !== undefined,
    params: (options.params ?? []).map(([n, type]) => ({ name: n, type })),
    results: (options.results ?? []).map((r, i) =>
      typeof r === "string" ? { name: `f${i}`, type: r, labelled: false } : { name: r[0], type: r[1], labelled: true }
    ),
    noctx: options.noctx ?? false,
    async: options.async ?? false,
    doc: options.doc ?? "",
    location: { file: "input.d.ts", line: line++, column: 3 },
  };
}

/** A module spec for {@link declarations}. */
export interface ModuleSpec {
  /** The wasm import module name. */
  name: string;
  /** Its JSDoc. @default "" */
  doc?: string;
  /** Its functions (their `module` should equal `name`). */
  functions: ImportFunction[];
}

/** Declarations of `file` made of `modules`, in order. */
export function declarations(file: string, modules: readonly ModuleSpec[]): Declarations {
  const ms: ImportModule[] = modules.map((m, i) => ({
    name: m.name,
    doc: m.doc ?? "",
    functions: m.functions,
    location: { file, line: i + 1, column: 1 },
  }));
  return { file, modules: ms };
}

/** The context `generate()` would build: 64-bit layout, name from the file, no `lib` unless given. */
export function emitContext(decls: Declarations, options: { name?: string; lib?: string } = {}): EmitContext {
  return createEmitContext(decls, options.name ?? defaultName(decls.file), options.lib);
}
