/**
 * The WebAssembly text format's spelling of import names, as a `.wat` file
 * writes them. Generated comments and hostbind's messages show wasm names
 * this way, so a name with quotes, control characters or non-ASCII text is
 * printed exactly and safely.
 *
 * @example
 * ```ts
 * import { watString } from "./wat.ts";
 * watString("my-lib.v2"); // "\"my-lib.v2\""
 * watString("a\nb"); // "\"a\\0ab\""
 * ```
 * @module
 */
import { type ImportFunction, type ValueType, WASM_TYPE } from "../ir/types.ts";
import { lowerSignature } from "../ir/lower.ts";

const UTF8 = new TextEncoder();

/**
 * A wasm text-format string literal: `"` and `\` escaped, control and
 * non-ASCII characters as `\hh` UTF-8 bytes.
 *
 * @example
 * ```ts
 * watString("café"); // "\"caf\\c3\\a9\""
 * ```
 */
export function watString(s: string): string {
  // Every character but printable ASCII other than `"` and `\`, escaped.
  return `"${s.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/gu, escapeChar)}"`;
}

/** `"` and `\` with a backslash; anything else as its UTF-8 bytes, `\hh` each. */
function escapeChar(c: string): string {
  if (c === '"' || c === "\\") return `\\${c}`;
  let out = "";
  for (const b of UTF8.encode(c)) out += `\\${b.toString(16).padStart(2, "0")}`;
  return out;
}

/**
 * The wasm text form of the import a guest declares.
 *
 * @example
 * ```ts
 * import { readDts } from "../parse/mod.ts";
 * const fn = readDts("declare namespace env { function now(): f64; }", "c.d.ts").modules[0]!.functions[0]!;
 * wasmImportText(fn); // "(import \"env\" \"now\" (func (result f64)))"
 * ```
 */
export function wasmImportText(fn: ImportFunction): string {
  const wire = lowerSignature(fn);
  const params = wire.params.length === 0 ? "" : ` (param ${wire.params.map((p) => WASM_TYPE[p.type]).join(" ")})`;
  const results = wire.results.length === 0 ? "" : ` (result ${wire.results.map((r) => WASM_TYPE[r.type]).join(" ")})`;
  return `(import ${watString(fn.module)} ${watString(fn.name)} (func${params}${results}))`;
}

/**
 * The wasm text form of a guest export native code calls (`@exports`),
 * e.g. `(export "add" (func (param i32 i32) (result i32)))`.
 *
 * @example
 * ```ts
 * exportWasmText("add", ["i32", "u32"], "i32"); // "(export \"add\" (func (param i32 i32) (result i32)))"
 * ```
 */
export function exportWasmText(name: string, params: readonly ValueType[], result: ValueType | null): string {
  const p = params.length > 0 ? ` (param ${params.map((t) => WASM_TYPE[t]).join(" ")})` : "";
  const r = result !== null ? ` (result ${WASM_TYPE[result]})` : "";
  return `(export ${watString(name)} (func${p}${r}))`;
}
