/**
 * What `hostbind explain` prints: for every import its wasm type, its native
 * C prototype by the out-pointer rule and, for two or more results, the
 * result struct drawn byte by byte. Pure functions of the IR and its layout,
 * so the text is identical on every runtime.
 *
 * @example
 * ```ts
 * import { explainText } from "./explain_render.ts";
 * import { parseDeclarations } from "../generate.ts";
 * import { layout } from "../layout/mod.ts";
 * const decls = parseDeclarations("declare namespace env {\n  function divmod(a: i32, b: i32): [quot: i32, rem: i32];\n}", { file: "divmod.d.ts" });
 * console.log(explainText(decls, layout(decls, { target: "x86_64-linux" })));
 * // env.divmod  (divmod.d.ts:3:3)
 * //   wasm  (import "env" "divmod" (func (param i32 i32) (result i32 i32)))
 * //   C     void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);
 * //   ...
 * ```
 * @module
 */
import { prototypeLines } from "../emit/c/prototype.ts";
import { wasmImportText } from "../emit/wat.ts";
import type { Declarations } from "../ir/types.ts";
import { C_TYPE, type ImportLayout, type Layout, type StructLayout } from "../layout/mod.ts";

/**
 * The C prototype of an import on one line, exactly as the header declares
 * it when it fits there (the header's own emitter renders it).
 *
 * @example
 * ```ts
 * import { parseDeclarations } from "../generate.ts";
 * import { layout } from "../layout/mod.ts";
 * const decls = parseDeclarations("declare namespace env { function divmod(a: i32, b: i32): [quot: i32, rem: i32]; }", { file: "divmod.d.ts" });
 * const imp = layout(decls, { target: "x86_64-linux" }).imports[0]!;
 * cPrototype(imp); // "void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);"
 * ```
 */
export function cPrototype(imp: ImportLayout): string {
  const [first, ...rest] = prototypeLines(imp);
  return first! + rest.map((l, i) => (i === 0 ? "" : " ") + l.trim()).join("");
}

/**
 * The whole `explain` text for one input on one target, ending in a newline.
 *
 * @example
 * ```ts
 * import { parseDeclarations } from "../generate.ts";
 * import { layout } from "../layout/mod.ts";
 * const decls = parseDeclarations("declare namespace env { function divmod(a: i32, b: i32): [quot: i32, rem: i32]; }", { file: "divmod.d.ts" });
 * explainText(decls, layout(decls, { target: "i686-linux" })).split("\n")[0];
 * // "divmod.d.ts: 1 import, target i686-linux"
 * ```
 */
export function explainText(decls: Declarations, l: Layout): string {
  const n = l.imports.length;
  const lines = [`${decls.file}: ${n} import${n === 1 ? "" : "s"}, target ${l.target.name}`];
  for (const imp of l.imports) lines.push("", ...explainImport(imp));
  return lines.join("\n") + "\n";
}

function explainImport(imp: ImportLayout): string[] {
  const fn = imp.fn;
  const at = `${fn.location.file}:${fn.location.line}:${fn.location.column}`;
  const lines = [
    `${fn.module}.${fn.name}  (${at})`,
    `  wasm  ${wasmImportText(fn)}`,
    ...prototypeLines(imp).map((l, i) => (i === 0 ? `  C     ${l}` : `      ${l}`)),
  ];
  const notes: string[] = [];
  if (fn.results.length === 0) notes.push("no result: returns void");
  if (imp.dataResult !== null) notes.push(`a ${imp.dataResult === "string" ? "string" : "Uint8Array"} result: handed over through \`out\` (hostbind_out_bytes), copied into memory from the guest's allocator`);
  else if (fn.results.length === 1) notes.push("one result: returned directly");
  if (fn.params.some((p) => p.type === "string" || p.type === "bytes")) notes.push("string/Uint8Array parameters arrive as checked views (ptr, len)");
  if (imp.result) notes.push(`${fn.results.length} results: written through \`out\` (out-pointer rule)`);
  notes.push(fn.noctx ? "@noctx: no hostbind_ctx parameter" : "`ctx` gives guest memory, user data and traps");
  if (fn.async) notes.push("async (Promise): run off the JS thread while the guest is suspended (docs/abi.md §9)");
  lines.push(...notes.map((n) => `  note  ${n}`));
  if (imp.result) lines.push("", ...structTable(imp.result).map((s) => (s === "" ? "" : `  ${s}`)));
  return lines;
}

/**
 * The result struct as a table of fields and padding, then a byte ruler with
 * two columns per byte: `|quot...|rem....|` under the offsets.
 *
 * @example
 * ```ts
 * import { parseDeclarations } from "../generate.ts";
 * import { layout } from "../layout/mod.ts";
 * const decls = parseDeclarations("declare namespace env { function divmod(a: i32, b: i32): [quot: i32, rem: i32]; }", { file: "divmod.d.ts" });
 * const imp = layout(decls, { target: "x86_64-linux" }).imports[0]!;
 * structTable(imp.result!).join("\n");
 * // struct env_divmod_result: size 8, align 4
 * //   offset  size  align  field  type
 * //        0     4      4  quot   int32_t
 * //        4     4      4  rem    int32_t
 * //
 * //   0       4       8
 * //   |quot...|rem....|
 * ```
 */
export function structTable(s: StructLayout): string[] {
  const rows: string[][] = [["offset", "size", "align", "field", "type"]];
  const spans: { start: number; size: number; label: string; pad: boolean }[] = [];
  for (const f of s.fields) {
    if (f.paddingBefore > 0) {
      const start = f.offset - f.paddingBefore;
      rows.push([String(start), String(f.paddingBefore), "", "(padding)", ""]);
      spans.push({ start, size: f.paddingBefore, label: "pad", pad: true });
    }
    rows.push([String(f.offset), String(f.size), String(f.align), f.name, C_TYPE[f.type]]);
    spans.push({ start: f.offset, size: f.size, label: f.name, pad: false });
  }
  if (s.trailingPadding > 0) {
    const start = s.size - s.trailingPadding;
    rows.push([String(start), String(s.trailingPadding), "", "(padding)", ""]);
    spans.push({ start, size: s.trailingPadding, label: "pad", pad: true });
  }
  return [
    `struct ${s.name}: size ${s.size}, align ${s.align}`,
    ...table(rows, [true, true, true, false, false]).map((r) => `  ${r}`),
    "",
    ...ruler(spans, s.size).map((r) => `  ${r}`),
  ];
}

/** Aligns columns; `right[i]` right-aligns column i. */
function table(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd()
  );
}

/**
 * Two text columns per byte: each span is `|` plus its label filled out with
 * `.` (fields) or `-` (padding), cut to fit; above it, each span's start
 * offset where it fits.
 */
function ruler(spans: { start: number; size: number; label: string; pad: boolean }[], size: number): string[] {
  let bar = "";
  let marks = "";
  for (const sp of [...spans, { start: size, size: 0, label: "", pad: false }]) {
    const col = sp.start * 2;
    const mark = String(sp.start);
    if (col === 0 || marks.length < col) marks = marks.padEnd(col) + mark;
    if (sp.size === 0) continue;
    const width = sp.size * 2 - 1;
    bar += "|" + sp.label.slice(0, width).padEnd(width, sp.pad ? "-" : ".");
  }
  return [marks.trimEnd(), `${bar}|`];
}

/**
 * The `explain --json` document: the IR and its layout as plain data, plus
 * the rendered wasm type and C prototype of every import.
 *
 * @example
 * ```ts
 * import { parseDeclarations } from "../generate.ts";
 * import { layout } from "../layout/mod.ts";
 * const decls = parseDeclarations("declare namespace env { function divmod(a: i32, b: i32): [quot: i32, rem: i32]; }", { file: "divmod.d.ts" });
 * const l = layout(decls, { target: "x86_64-linux" });
 * JSON.parse(explainJson(decls, l)).imports[0].prototype;
 * // "void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);"
 * ```
 */
export function explainJson(decls: Declarations, l: Layout): string {
  const doc = {
    file: decls.file,
    target: l.target,
    modules: decls.modules.map((m) => ({ name: m.name, doc: m.doc, location: m.location })),
    imports: l.imports.map((imp) => ({
      module: imp.fn.module,
      name: imp.fn.name,
      symbol: imp.symbol,
      wasm: wasmImportText(imp.fn),
      prototype: cPrototype(imp),
      function: imp.fn,
      params: imp.params,
      returns: imp.returns,
      result: imp.result,
    })),
    otherImports: decls.otherImports ?? [],
    stubMemory: l.stubMemory,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
