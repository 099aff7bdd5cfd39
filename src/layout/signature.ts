/**
 * The native signature of each import by the out-pointer rule (docs/abi.md):
 * no result → `void f(ctx, params…)`; one → `R f(ctx, params…)`; two or more
 * → `void f(SYMBOL_result *out, ctx, params…)`. `@noctx` drops `ctx`.
 *
 * @example
 * ```ts
 * import { layoutImport } from "./signature.ts";
 * import { targetByName } from "./targets.ts";
 * import { readDts } from "../parse/mod.ts";
 * const fn = readDts("declare namespace env { function divmod(a: i32, b: i32): [quot: i32, rem: i32]; }", "d.d.ts").modules[0]!.functions[0]!;
 * const l = layoutImport(fn, targetByName("x86_64-linux")!);
 * l.params.map((p) => p.role); // ["out", "ctx", "value", "value"] for divmod(a, b) -> [quot, rem]
 * ```
 * @module
 */
import { type DeclaredType, type ImportFunction, isDataType, type ValueType } from "../ir/types.ts";
import { lowerSignature, type WireSignature } from "../ir/lower.ts";
import { resultStructName, safeCName } from "../ir/names.ts";
import { layoutStruct, type StructLayout } from "./struct.ts";
import type { Target } from "./targets.ts";

/** The C type of each value type. */
export const C_TYPE: Readonly<Record<ValueType, string>> = {
  i32: "int32_t",
  u32: "uint32_t",
  i64: "int64_t",
  u64: "uint64_t",
  f32: "float",
  f64: "double",
};

/**
 * The C type of each declared type: the value types', and the views a data
 * parameter arrives as (docs/abi.md §7).
 */
export const C_PARAM_TYPE: Readonly<Record<DeclaredType, string>> = {
  ...C_TYPE,
  string: "hostbind_str",
  bytes: "hostbind_bytes",
};

/** The C type of the out-parameter through which a native function hands over a `string`/`Uint8Array` result. */
export const C_DATA_OUT = "hostbind_out *";

/** One parameter of a native function. */
export interface NativeParam {
  /** `out`: the result struct pointer; `ctx`: the context; `value`: a declared parameter. */
  role: "out" | "ctx" | "value";
  /** The C parameter name, escaped (`out`, `ctx`, or the declared name made safe). */
  name: string;
  /** The C type as written in the prototype (`int32_t`, `hostbind_ctx *`, `divmod_result *`). */
  cType: string;
  /** The declared type, for `value` parameters. */
  type?: DeclaredType;
}

/** An import with its native ABI worked out for one target. */
export interface ImportLayout {
  /** The import as declared. */
  fn: ImportFunction;
  /** The C symbol (same as `fn.symbol`). */
  symbol: string;
  /** Native parameters in call order: `out` (if any), `ctx` (unless `@noctx`), then the values. */
  params: NativeParam[];
  /** The native return type: the single result's value type, or `null` for `void`. */
  returns: ValueType | null;
  /** The result struct for two or more results (out-pointer rule), else `null`. */
  result: StructLayout | null;
  /** The data result's type when the import returns a `string` or `Uint8Array` (through `hostbind_out`), else `null`. */
  dataResult: "string" | "bytes" | null;
  /** The wasm-level signature (docs/abi.md §7): what the stub and the JS wrappers see. */
  wire: WireSignature;
}

/** Works out the native signature and result struct of one import. */
export function layoutImport(fn: ImportFunction, target: Target): ImportLayout {
  const multi = fn.results.length >= 2;
  // Validation lets a data result only be the only result.
  const data = fn.results.length === 1 && isDataType(fn.results[0]!.type) ? (fn.results[0]!.type as "string" | "bytes") : null;
  const params: NativeParam[] = [];
  // A handful of names per import: a list, searched by `has`.
  const taken = { has: (n: string) => params.some((p) => p.name === n) };
  if (multi) params.push({ role: "out", name: "out", cType: `${resultStructName(fn.symbol)} *` });
  if (data !== null) params.push({ role: "out", name: "out", cType: C_DATA_OUT });
  if (!fn.noctx) params.push({ role: "ctx", name: "ctx", cType: "hostbind_ctx *" });
  for (const p of fn.params) {
    params.push({ role: "value", name: safeCName(p.name, taken), cType: C_PARAM_TYPE[p.type], type: p.type });
  }
  let result: StructLayout | null = null;
  if (multi) {
    const fields: { name: string; type: ValueType }[] = [];
    const fieldsTaken = { has: (n: string) => fields.some((f) => f.name === n) };
    for (const r of fn.results) fields.push({ name: safeCName(r.name, fieldsTaken), type: r.type as ValueType });
    result = layoutStruct(resultStructName(fn.symbol), fields, target);
  }
  const returns = fn.results.length === 1 && data === null ? (fn.results[0]!.type as ValueType) : null;
  return { fn, symbol: fn.symbol, params, returns, result, dataResult: data, wire: lowerSignature(fn) };
}
