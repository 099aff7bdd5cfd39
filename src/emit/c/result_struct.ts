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
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const w = new SourceWriter();
 * emitResultStruct(w, cx.layout.imports[0]!, cx.i686.imports[0]!.result);
 * // typedef struct env_divmod_result { int32_t f0; int32_t f1; } env_divmod_result; + assertions
 * ```
 * @module
 */
import { C_TYPE, type ImportLayout } from "../../layout/signature.ts";
import type { StructLayout } from "../../layout/struct.ts";
import type { SourceWriter } from "../writer.ts";
import { cDocText } from "./escape.ts";

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
  w.docComment(cDocText(fn.doc, [about]), "c");
  w.line(`typedef struct ${s.name} {`);
  w.indented(() => {
    for (const f of s.fields) w.line(`${C_TYPE[f.type]} ${f.name};`);
  });
  w.line(`} ${s.name};`);
  emitStructAssertions(w, s, narrow);
}

/**
 * Writes the size, alignment and offset assertions of `wide`, split into an
 * i686 and a 64-bit branch when `narrow` differs from it.
 */
export function emitStructAssertions(w: SourceWriter, wide: StructLayout, narrow: StructLayout | null): void {
  if (narrow === null || sameLayout(wide, narrow)) {
    w.lines(structAssertions(wide, ""));
    return;
  }
  w.line(`#if ${I686_CONDITION}`);
  w.lines(structAssertions(narrow, " on i686"));
  w.line("#else");
  w.lines(structAssertions(wide, ""));
  w.line("#endif");
}

/**
 * The check lines of one layout (macros from the prelude); `where` is
 * appended to each message. Struct and field names are C identifiers, so the
 * macros' `#type`/`#field` spell them exactly.
 */
function structAssertions(s: StructLayout, where: string): string[] {
  const w = `"${where}"`;
  return [
    `HOSTBIND_CHECK_SIZE(${s.name}, ${s.size}, ${w});`,
    `HOSTBIND_CHECK_ALIGN(${s.name}, ${s.align}, ${w});`,
    ...s.fields.map((f) => `HOSTBIND_CHECK_OFFSET(${s.name}, ${f.name}, ${f.offset}, ${w});`),
  ];
}

/** True when two layouts of the same struct agree on every number the assertions check. */
export function sameLayout(a: StructLayout, b: StructLayout): boolean {
  return a.size === b.size && a.align === b.align && a.fields.length === b.fields.length
    && a.fields.every((f, i) => f.offset === b.fields[i]?.offset);
}
