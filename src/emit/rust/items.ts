/**
 * The per-import items of the Rust output: the `#[repr(C)]` result struct
 * of a multi-result import (`EnvDivmodResult`, C's `env_divmod_result`) and
 * the `unsafe extern "C" fn` type alias (`EnvDivmodFn`) an implementation is
 * checked against with `const _: EnvDivmodFn = env_divmod;`. Names come from
 * the C layout (already C-safe) made Rust-safe, so both languages spell
 * fields and parameters the same wherever Rust allows it.
 *
 * @example
 * ```ts
 * import { rustItemNames, rustFnAlias } from "./items.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const names = rustItemNames(cx.layout.imports);
 * rustFnAlias(cx.layout.imports[0]!, names[0]!);
 * // ["pub type EnvDivmodFn = unsafe extern \"C\" fn(out: *mut EnvDivmodResult, ctx: *mut HostbindCtx, a: i32, b: i32);"]
 * ```
 * @module
 */
import { commentLines } from "../writer.ts";
import { RUST_KEYWORDS, rustTypeStem, safeRustName } from "./names.ts";
import type { DeclaredType, ValueType } from "../../ir/types.ts";
import { C_DATA_OUT } from "../../layout/signature.ts";
import type { ImportLayout, NativeParam } from "../../layout/mod.ts";
import { RUST_CTX } from "./ctx.ts";

/** Lines longer than this put one parameter per line (as rustfmt would at its default width). */
const MAX_LINE = 100;

/** Each value type's Rust type: the same names, as in docs/abi.md. */
export const RUST_TYPE: Readonly<Record<ValueType, string>> = {
  i32: "i32", u32: "u32", i64: "i64", u64: "u64", f32: "f32", f64: "f64",
};

/** The Rust type of each declared parameter type: a data type arrives as a view (`HostbindStr`, `HostbindBytes`). */
export const RUST_PARAM_TYPE: Readonly<Record<DeclaredType, string>> = { ...RUST_TYPE, string: "HostbindStr", bytes: "HostbindBytes" };

/** The Rust names of one import's items. */
export interface RustItemNames {
  /** The result struct (`EnvDivmodResult`), also named when the import has fewer than two results. */
  result: string;
  /** The function type alias (`EnvDivmodFn`). */
  fn: string;
}

/**
 * The item names of every import, in order. Stems come from the C symbol in
 * UpperCamelCase; when two symbols share a stem (`a_b` and `aB`), the later
 * gets a numeric suffix (`AB2`), so names are unique and stable for a given
 * declaration order.
 */
export function rustItemNames(imports: readonly ImportLayout[]): RustItemNames[] {
  const used = new Map<string, number>();
  return imports.map((imp) => {
    const stem = rustTypeStem(imp.symbol);
    const n = (used.get(stem) ?? 0) + 1;
    used.set(stem, n);
    const unique = n === 1 ? stem : `${stem}${n}`;
    return { result: `${unique}Result`, fn: `${unique}Fn` };
  });
}

/** The Rust field names of a result struct, in order. */
export function rustFieldNames(imp: ImportLayout): string[] {
  const taken = new Set<string>();
  return (imp.result?.fields ?? []).map((f) => {
    const name = safeRustName(f.name, taken);
    taken.add(name);
    return name;
  });
}

/** The struct definition lines of a multi-result import (empty for fewer than two results). */
export function rustResultStruct(imp: ImportLayout, names: RustItemNames): string[] {
  if (imp.result === null) return [];
  const fields = rustFieldNames(imp);
  const about = `The results of \`${imp.fn.module}.${imp.fn.name}\` (\`${imp.result.name}\` in C), written through \`out\`.`;
  const lines = [
    // Wasm names may hold anything: the comment lines come from the one rule that keeps them comments.
    ...commentLines(about).map((l) => (l === "" ? "///" : `/// ${l}`)),
    "#[repr(C)]",
    "#[derive(Clone, Copy, Debug, Default, PartialEq)]",
    "#[allow(dead_code)]",
  ];
  if (fields.some((f) => /[A-Z]/.test(f))) lines.push("#[allow(non_snake_case)]");
  lines.push(`pub struct ${names.result} {`);
  imp.result.fields.forEach((f, i) => lines.push(`    pub ${fields[i]}: ${RUST_TYPE[f.type]},`));
  lines.push("}");
  return lines;
}

/** The layout assertions of a result struct (for the 64-bit `const _` block). */
export function rustResultAssertions(imp: ImportLayout, names: RustItemNames): string[] {
  if (imp.result === null) return [];
  const t = names.result;
  const fields = rustFieldNames(imp);
  return [
    `assert!(::core::mem::size_of::<${t}>() == ${imp.result.size}, "${t}: size");`,
    `assert!(::core::mem::align_of::<${t}>() == ${imp.result.align}, "${t}: alignment");`,
    ...imp.result.fields.map((f, i) =>
      `assert!(::core::mem::offset_of!(${t}, ${fields[i]}) == ${f.offset}, "${t}: offset of ${fields[i]}");`
    ),
  ];
}

/** The Rust parameter list of the native function, `name: Type` each. */
export function rustParams(imp: ImportLayout, names: RustItemNames): string[] {
  const taken = new Set<string>();
  return imp.params.map((p) => {
    const name = safeRustName(p.name, taken);
    taken.add(name);
    return `${name}: ${rustParamType(p, names)}`;
  });
}

function rustParamType(p: NativeParam, names: RustItemNames): string {
  if (p.role === "out") return p.cType === C_DATA_OUT ? "*mut HostbindOut" : `*mut ${names.result}`;
  if (p.role === "ctx") return `*mut ${RUST_CTX}`;
  return RUST_PARAM_TYPE[p.type!];
}

/** ` -> T` for a single result, `""` for none or the out-pointer rule. */
export function rustReturn(imp: ImportLayout): string {
  return imp.returns === null ? "" : ` -> ${RUST_TYPE[imp.returns]}`;
}

/** The `pub type …Fn = unsafe extern "C" fn(…);` lines, wrapped when long. */
export function rustFnAlias(imp: ImportLayout, names: RustItemNames): string[] {
  const head = `pub type ${names.fn} = unsafe extern "C" fn(`;
  const params = rustParams(imp, names);
  const tail = `)${rustReturn(imp)};`;
  const oneLine = `${head}${params.join(", ")}${tail}`;
  // Unused until the crate checks an implementation against it; that is no reason to warn.
  const allow = "#[allow(dead_code)]";
  if (oneLine.length <= MAX_LINE || params.length === 0) return [allow, oneLine];
  return [allow, head, ...params.map((p) => `    ${p},`), tail];
}

/** How an implementation of one import is written: its export attribute, signature and function name. */
export interface RustImpl {
  /** `#[unsafe(no_mangle)]`, or `#[unsafe(export_name = "SYMBOL")]` when the symbol is a Rust keyword. */
  attribute: string;
  /** `pub unsafe extern "C" fn NAME(…) -> T`, without a body. */
  signature: string;
  /** The Rust name of the function: the symbol, or `SYMBOL_impl` for a keyword. */
  name: string;
}

/**
 * The exported function that implements `imp`, edition 2021 and 2024 alike.
 * A symbol that is a Rust keyword cannot name the function, so it is
 * exported under its C name from a function named `SYMBOL_impl`.
 */
export function rustImpl(imp: ImportLayout, names: RustItemNames): RustImpl {
  const keyword = RUST_KEYWORDS.has(imp.symbol);
  const name = keyword ? `${imp.symbol}_impl` : imp.symbol;
  return {
    attribute: keyword ? `#[unsafe(export_name = "${imp.symbol}")]` : "#[unsafe(no_mangle)]",
    signature: `pub unsafe extern "C" fn ${name}(${rustParams(imp, names).join(", ")})${rustReturn(imp)}`,
    name,
  };
}
