/**
 * The prototype of one import's native function, with a comment that says
 * what it is for (its JSDoc), which wasm import it serves, and how results
 * come back under the out-pointer rule.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { emitPrototype } from "./prototype.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "d.d.ts");
 * const w = new SourceWriter();
 * emitPrototype(w, createEmitContext(decls, "d", undefined).layout.imports[0]!);
 * w.toString().includes("void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);"); // true
 * ```
 * @module
 */
import { C_TYPE, type ImportLayout, type NativeParam } from "../../layout/signature.ts";
import { ASYNC_NOTE } from "../shim_need.ts";
import { wasmImportText } from "../wat.ts";
import type { SourceWriter } from "../writer.ts";
import { cDocText } from "./escape.ts";

/** Prototypes longer than this put one parameter per line. */
const MAX_LINE = 100;

/** Writes the comment and prototype of `imp`. */
export function emitPrototype(w: SourceWriter, imp: ImportLayout): void {
  w.docComment(cDocText(imp.fn.doc, [`wasm:   ${wasmImportText(imp.fn)}`, `native: ${shape(imp)}`]), "c");
  w.lines(prototypeLines(imp));
}

/** One sentence on how this function returns its results and whether it takes the context. */
function shape(imp: ImportLayout): string {
  const n = imp.fn.results.length;
  const views = imp.fn.params.some((p) => p.type === "string" || p.type === "bytes")
    ? " String and bytes parameters arrive as views into guest memory, already checked (strings: UTF-8); they are not NUL-terminated."
    : "";
  const results = imp.dataResult !== null
    ? `a ${imp.dataResult === "string" ? "string" : "Uint8Array"} result: hand it over with ${imp.dataResult === "string" ? "hostbind_out_str(out, text) or " : ""}hostbind_out_bytes(out, data, len); it is copied into memory from the guest's allocator (not handed over: empty)`
    : n === 0
    ? "no result, returns void"
    : n === 1
    ? "one result, returned directly"
    : `${n} results, written to *out (out-pointer rule) before returning`;
  const ctx = imp.fn.noctx ? "; @noctx: takes no hostbind_ctx" : "";
  return `${results}${ctx}.${views}${imp.fn.async ? ` ${ASYNC_NOTE}` : ""}`;
}

/** The prototype, on one line when it fits, else one parameter per line. */
export function prototypeLines(imp: ImportLayout): string[] {
  const ret = imp.returns === null ? "void" : C_TYPE[imp.returns];
  const params: string[] = [];
  for (const p of imp.params) params.push(paramDecl(p));
  const oneLine = `${ret} ${imp.symbol}(${params.length === 0 ? "void" : params.join(", ")});`;
  if (oneLine.length <= MAX_LINE || params.length < 2) return [oneLine];
  return [
    `${ret} ${imp.symbol}(`,
    ...params.map((p, i) => `    ${p}${i === params.length - 1 ? ");" : ","}`),
  ];
}

/** `int32_t a`, `hostbind_ctx *ctx`: pointer types hug the name. */
function paramDecl(p: NativeParam): string {
  return p.cType.endsWith("*") ? `${p.cType}${p.name}` : `${p.cType} ${p.name}`;
}
