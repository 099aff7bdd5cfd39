/**
 * The intermediate representation: what a declaration file (or a `.wasm`
 * import section) says, as plain serialisable data. Every later stage —
 * layout, the emitters, the CLI — reads only these types; no parser object
 * (ts-morph node, binary cursor) ever crosses out of `src/parse`.
 *
 * @example
 * ```ts
 * import type { Declarations } from "./types.ts";
 * const decls: Declarations = {
 *   file: "env.d.ts",
 *   modules: [{
 *     name: "env", doc: "", location: { file: "env.d.ts", line: 1, column: 1 },
 *     functions: [{
 *       module: "env", name: "now", symbol: "env_now", symbolExplicit: false,
 *       params: [], results: [{ name: "f0", type: "f64", labelled: false }],
 *       noctx: false, async: false, doc: "", location: { file: "env.d.ts", line: 2, column: 3 },
 *     }],
 *   }],
 * };
 * ```
 * @module
 */

/** The value types of docs/abi.md, by their declared names. */
export type ValueType = "i32" | "u32" | "i64" | "u64" | "f32" | "f64";

/** Every value type, in the canonical order used by tables and tests. */
export const VALUE_TYPES: readonly ValueType[] = ["i32", "u32", "i64", "u64", "f32", "f64"];

/**
 * The data types of docs/abi.md §7: `string` (UTF-8 text) and `bytes` (a
 * `Uint8Array`). They travel as `(ptr, len)` in guest memory by the
 * component model's canonical ABI, never as one wasm value.
 */
export type DataType = "string" | "bytes";

/** What a parameter or result may be declared as: a value type or a data type. */
export type DeclaredType = ValueType | DataType;

/** True for `string` and `bytes`. */
export function isDataType(t: DeclaredType): t is DataType {
  return t === "string" || t === "bytes";
}

/** The wasm core type a value type travels as across the wasm boundary. */
export type WasmType = "i32" | "i64" | "f32" | "f64";

/** Maps each declared value type to its wasm core type (`u32` is an `i32` in wasm). */
export const WASM_TYPE: Readonly<Record<ValueType, WasmType>> = {
  i32: "i32",
  u32: "i32",
  i64: "i64",
  u64: "i64",
  f32: "f32",
  f64: "f64",
};

/** A place in an input file, 1-based, as printed in `FILE:LINE:COL` errors. */
export interface SourceLocation {
  /** The input's path as the user gave it (or a synthetic name for in-memory sources). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** One parameter of an import. */
export interface Param {
  /** The declared parameter name (`p0`, `p1`, … for `.wasm` input). Not yet escaped for C. */
  name: string;
  /** Its value type, or a data type (`string`, `bytes`). */
  type: DeclaredType;
}

/** One result of an import. */
export interface Result {
  /** The tuple label (`quot` in `[quot: i32, rem: i32]`), else `f0`, `f1`, … by position. */
  name: string;
  /** Its value type, or a data type (then it is the only result). */
  type: DeclaredType;
  /** True when `name` came from a tuple label, false when it was made up by position. */
  labelled: boolean;
}

/** One wasm function import, i.e. one native function the host provides. */
export interface ImportFunction {
  /** The wasm import module name (`env`, `math-lib`). */
  module: string;
  /** The wasm import field name (`divmod`). */
  name: string;
  /**
   * The C symbol the native library exports: `@symbol NAME` if given, else
   * `MODULE_NAME` with every character outside `[A-Za-z0-9_]` replaced by `_`.
   */
  symbol: string;
  /** True when `symbol` came from an explicit `@symbol` tag. */
  symbolExplicit: boolean;
  /** Parameters in order. */
  params: Param[];
  /** Results in order: 0 (void), 1 (returned directly) or more (out-pointer rule). */
  results: Result[];
  /** True when marked `@noctx`: the native function takes no `hostbind_ctx *`. */
  noctx: boolean;
  /**
   * True when the result type is `Promise<T>`: an async import. The native
   * function is the same synchronous function as for `T`; the bindings run it
   * off the JS thread while the guest is suspended (docs/abi.md §9).
   */
  async: boolean;
  /** The JSDoc text (tags removed), trimmed; `""` when there is none. */
  doc: string;
  /** Where the function is declared. */
  location: SourceLocation;
}

/** One wasm import module: a `namespace` or an ambient `declare module "…"`. */
export interface ImportModule {
  /** The wasm import module name exactly as the guest spells it. */
  name: string;
  /** The JSDoc text on the namespace/module, trimmed; `""` when there is none. */
  doc: string;
  /** Its functions, in declaration order. */
  functions: ImportFunction[];
  /** Where the module is declared. */
  location: SourceLocation;
}

/** Everything one input file declares. */
export interface Declarations {
  /** The input's path as the user gave it. */
  file: string;
  /** The import modules in declaration order (several may share a file). */
  modules: ImportModule[];
  /**
   * Imports hostbind does not serve, which only a `.wasm` input has: those
   * that are not functions (memories, tables, globals, tags), and functions
   * whose types native code cannot take (reference and GC types, `v128`).
   * The host application provides them, so the CLI sums them up in one
   * warning and `hostbind declare` lists them in a comment. Absent for
   * declaration-file input.
   */
  otherImports?: OtherImport[];
  /**
   * Functions the guest exports that native code calls (the `@exports`
   * namespaces of a declaration file), in declaration order. Absent when
   * none are declared.
   */
  guestExports?: GuestExport[];
  /**
   * Import modules that were in the input but left out on request (`--exclude-module`):
   * the host application serves them. Absent when none were.
   */
  excludedModules?: string[];
  /**
   * Imports (`MODULE.NAME`) left out on request (`--exclude-import`) from a
   * `.wasm` input: the host application serves them. Absent when none were.
   */
  excludedImports?: string[];
}

/**
 * One function the guest exports and native code calls (docs/abi.md §8):
 * declared in a namespace tagged `@exports`, with value types only and at
 * most one result.
 */
export interface GuestExport {
  /** The `@exports` namespace it is declared in (names the C function, like an import module). */
  namespace: string;
  /** The guest's export name. */
  name: string;
  /** The C function native code calls: `NAMESPACE_NAME`, or `@symbol NAME`. */
  symbol: string;
  /** True when `symbol` came from an explicit `@symbol` tag. */
  symbolExplicit: boolean;
  /** Parameters in order (value types). */
  params: Param[];
  /** No result or one (value type). */
  results: Result[];
  /** True when tagged `@allocator`: the export that allocates the memory of `string`/`Uint8Array` results. */
  allocator: boolean;
  /** The JSDoc text (tags removed), trimmed. */
  doc: string;
  /** Where it is declared. */
  location: SourceLocation;
}

/** An import of a `.wasm` module hostbind does not serve (see {@link Declarations.otherImports}). */
export interface OtherImport {
  /** The wasm import module name. */
  module: string;
  /** The wasm import field name. */
  name: string;
  /** What it is: `memory`, `table`, `global`, `tag`, or a `function` with a type native code cannot take. */
  kind: "memory" | "table" | "global" | "tag" | "function";
  /**
   * Its description as WebAssembly text: a function's type (`func (param
   * externref)`), a memory's limits (`(memory i64 1 2 shared)`), a table's
   * (`(table 1 funcref)`), a global's type (`(global (mut i64))`), a tag's.
   */
  type?: string;
}

/** All functions of all modules, in declaration order. */
export function allFunctions(decls: Declarations): ImportFunction[] {
  return decls.modules.flatMap((m) => m.functions);
}
