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
import type { ImportFunction, ValueType } from "../ir/types.ts";
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

/** One parameter of a native function. */
export interface NativeParam {
  /** `out`: the result struct pointer; `ctx`: the context; `value`: a declared parameter. */
  role: "out" | "ctx" | "value";
  /** The C parameter name, escaped (`out`, `ctx`, or the declared name made safe). */
  name: string;
  /** The C type as written in the prototype (`int32_t`, `hostbind_ctx *`, `divmod_result *`). */
  cType: string;
  /** The value type, for `value` parameters. */
  type?: ValueType;
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
}

/** Works out the native signature and result struct of one import. */
export function layoutImport(fn: ImportFunction, target: Target): ImportLayout {
  const multi = fn.results.length >= 2;
  const params: NativeParam[] = [];
  // A handful of names per import: a list, searched by `has`.
  const taken = { has: (n: string) => params.some((p) => p.name === n) };
  if (multi) params.push({ role: "out", name: "out", cType: `${resultStructName(fn.symbol)} *` });
  if (!fn.noctx) params.push({ role: "ctx", name: "ctx", cType: "hostbind_ctx *" });
  for (const p of fn.params) {
    params.push({ role: "value", name: safeCName(p.name, taken), cType: C_TYPE[p.type], type: p.type });
  }
  let result: StructLayout | null = null;
  if (multi) {
    const fields: { name: string; type: ValueType }[] = [];
    const fieldsTaken = { has: (n: string) => fields.some((f) => f.name === n) };
    for (const r of fn.results) fields.push({ name: safeCName(r.name, fieldsTaken), type: r.type });
    result = layoutStruct(resultStructName(fn.symbol), fields, target);
  }
  const returns = fn.results.length === 1 ? fn.results[0]!.type : null;
  return { fn, symbol: fn.symbol, params, returns, result };
}
