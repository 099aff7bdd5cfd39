/**
 * The prototype of one import's native function, with a comment that says
 * what it is for (its JSDoc), which wasm import it serves, and how results
 * come back under the out-pointer rule.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitPrototype, wasmImportText } from "./prototype.ts";
 * const w = new SourceWriter();
 * emitPrototype(w, imp);
 * // void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);
 * wasmImportText(imp.fn); // (import "env" "divmod" (func (param i32 i32) (result i32 i32)))
 * ```
 * @module
 */
import { watString } from "../../ir/names.ts";
import { type ImportFunction, WASM_TYPE } from "../../ir/types.ts";
import { C_TYPE, type ImportLayout, type NativeParam } from "../../layout/signature.ts";
import type { SourceWriter } from "../writer.ts";
import { cDocComment, namesArePlain } from "./comment.ts";

/** Prototypes longer than this put one parameter per line. */
const MAX_LINE = 100;

/** Writes the comment and prototype of `imp`. */
export function emitPrototype(w: SourceWriter, imp: ImportLayout): void {
  // Comment and prototype as one block (SourceWriter.raw): headers of big inputs have 10⁴ of them.
  const ind = w.indentation;
  const lines = prototypeLines(imp);
  const code = lines.length === 1 ? ind + lines[0]! : ind + lines.join(`\n${ind}`);
  // The notes are fixed text around the wasm names (watString keeps them printable ASCII).
  const plain = namesArePlain(imp.fn.module, imp.fn.name);
  w.raw(`${cDocComment(imp.fn.doc, [`wasm:   ${wasmImportText(imp.fn)}`, `native: ${shape(imp)}`], ind, plain)}\n${code}`);
}

/** The wasm text form of the import the guest declares, e.g. `(import "env" "now" (func (result f64)))`. */
export function wasmImportText(fn: ImportFunction): string {
  // Plain loops, no intermediate arrays: headers for big inputs print this 10⁴ times.
  let sig = "func";
  if (fn.params.length > 0) {
    sig += " (param";
    for (const p of fn.params) sig += ` ${WASM_TYPE[p.type]}`;
    sig += ")";
  }
  if (fn.results.length > 0) {
    sig += " (result";
    for (const r of fn.results) sig += ` ${WASM_TYPE[r.type]}`;
    sig += ")";
  }
  return `(import ${watString(fn.module)} ${watString(fn.name)} (${sig}))`;
}

/** One sentence on how this function returns its results and whether it takes the context. */
function shape(imp: ImportLayout): string {
  const n = imp.fn.results.length;
  const results = n === 0
    ? "no result, returns void"
    : n === 1
    ? "one result, returned directly"
    : `${n} results, written to *out (out-pointer rule) before returning`;
  const ctx = imp.fn.noctx ? "; @noctx: takes no hostbind_ctx" : "";
  return `${results}${ctx}.`;
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
