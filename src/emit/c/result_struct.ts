/**
 * The result struct of a multi-result import (out-pointer rule) and the
 * static assertions that make a C compiler check hostbind's layout numbers.
 * The numbers come from two layouts computed by the layout engine — the
 * 64-bit one every Deno/Bun target shares and i686-linux, where 8-byte types
 * align to 4 inside structs — so the header is the same whatever machine
 * generated it, and a native library built for either checks itself.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitResultStruct } from "./result_struct.ts";
 * const w = new SourceWriter();
 * emitResultStruct(w, imp64, struct32); // imp64: the import laid out for x86_64-linux; struct32: its result struct on i686-linux
 * // typedef struct env_divmod_result { int32_t quot; int32_t rem; } env_divmod_result; + assertions
 * ```
 * @module
 */
import { C_TYPE, type ImportLayout } from "../../layout/signature.ts";
import type { StructLayout } from "../../layout/struct.ts";
import type { SourceWriter } from "../writer.ts";
import { cDocComment, namesArePlain } from "./comment.ts";

/** The preprocessor condition that selects the i686 (System V) layout. */
export const I686_CONDITION = "defined(__i386__) && !defined(_WIN32)";

/**
 * Writes the typedef of `wide.result` and its assertions. `wide` is the
 * import laid out for a 64-bit target, `narrow` its result struct laid out
 * for i686-linux; when their numbers differ the assertions split into
 * `#if`/`#else` branches.
 * Does nothing for an import with fewer than two results.
 */
export function emitResultStruct(w: SourceWriter, wide: ImportLayout, narrow: StructLayout | null): void {
  const s = wide.result;
  if (s === null) return;
  const fn = wide.fn;
  const about = `The results of ${fn.module}.${fn.name}, written by ${wide.symbol}() through \`out\`.`;
  // The typedef and its checks as one block (SourceWriter.raw): headers of big inputs have thousands.
  const ind = w.indentation;
  // `about` is fixed text around the wasm names and a C identifier.
  let text = `${cDocComment(fn.doc, [about], ind, namesArePlain(fn.module, fn.name))}\n${ind}typedef struct ${s.name} {`;
  for (const f of s.fields) text += `\n${ind}  ${C_TYPE[f.type]} ${f.name};`;
  w.raw(`${text}\n${ind}} ${s.name};`);
  emitStructAssertions(w, s, narrow);
}

/**
 * Writes the size, alignment and offset assertions of `wide`, split into an
 * i686 and a 64-bit branch when `narrow` differs from it.
 */
export function emitStructAssertions(w: SourceWriter, wide: StructLayout, narrow: StructLayout | null): void {
  const ind = w.indentation;
  if (narrow === null || sameLayout(wide, narrow)) {
    w.raw(structAssertions(wide, "", ind));
    return;
  }
  w.raw(`${ind}#if ${I686_CONDITION}\n${structAssertions(narrow, " on i686", ind)}\n${ind}#else\n${structAssertions(wide, "", ind)}\n${ind}#endif`);
}

/**
 * The check lines of one layout (macros from the prelude); `where` is
 * appended to each message. Struct and field names are C identifiers, so the
 * macros' `#type`/`#field` spell them exactly.
 */
function structAssertions(s: StructLayout, where: string, indent: string): string {
  const w = `"${where}"`;
  let out = `${indent}HOSTBIND_CHECK_SIZE(${s.name}, ${s.size}, ${w});\n${indent}HOSTBIND_CHECK_ALIGN(${s.name}, ${s.align}, ${w});`;
  for (const f of s.fields) out += `\n${indent}HOSTBIND_CHECK_OFFSET(${s.name}, ${f.name}, ${f.offset}, ${w});`;
  return out;
}

/** True when two layouts of the same struct agree on every number the assertions check. */
export function sameLayout(a: StructLayout, b: StructLayout): boolean {
  return a.size === b.size && a.align === b.align && a.fields.length === b.fields.length
    && a.fields.every((f, i) => f.offset === b.fields[i]?.offset);
}
