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
import { cDocComment } from "./comment.ts";

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
  let text = `${cDocComment(fn.doc, [about], ind)}\n${ind}typedef struct ${s.name} {`;
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
    w.raw(ind + structAssertions(wide, "").join(`\n${ind}`));
    return;
  }
  const i686 = structAssertions(narrow, " on i686").join(`\n${ind}`);
  const wide64 = structAssertions(wide, "").join(`\n${ind}`);
  w.raw(`${ind}#if ${I686_CONDITION}\n${ind}${i686}\n${ind}#else\n${ind}${wide64}\n${ind}#endif`);
}

/**
 * The check lines of one layout (macros from the prelude); `where` is
 * appended to each message. Struct and field names are C identifiers, so the
 * macros' `#type`/`#field` spell them exactly.
 */
function structAssertions(s: StructLayout, where: string): string[] {
  const w = `"${where}"`;
  const lines = [`HOSTBIND_CHECK_SIZE(${s.name}, ${s.size}, ${w});`, `HOSTBIND_CHECK_ALIGN(${s.name}, ${s.align}, ${w});`];
  for (const f of s.fields) lines.push(`HOSTBIND_CHECK_OFFSET(${s.name}, ${f.name}, ${f.offset}, ${w});`);
  return lines;
}

/** True when two layouts of the same struct agree on every number the assertions check. */
export function sameLayout(a: StructLayout, b: StructLayout): boolean {
  return a.size === b.size && a.align === b.align && a.fields.length === b.fields.length
    && a.fields.every((f, i) => f.offset === b.fields[i]?.offset);
}
