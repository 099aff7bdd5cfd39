/**
 * The C comments the header writes per import — the function's JSDoc, a
 * blank line, then lines hostbind makes up (the wasm import, the native
 * shape) — without re-reading the whole text: for 10⁴ imports, escaping,
 * trimming and splitting every comment again was a fifth of the header's
 * time. The result is always what `formatComment(cComment(text), "c", indent)`
 * writes for the same text; lines that are not plain take that path.
 *
 * @example
 * ```ts
 * import { cDocComment } from "./comment.ts";
 * cDocComment("Adds.", ["wasm:   (import \"env\" \"add\" (func))"], "");
 * // "/*\n * Adds.\n *\n * wasm:   (import \"env\" \"add\" (func))\n *\/"
 * ```
 * @module
 */
import { cComment } from "../../ir/names.ts";
import { formatComment, isPlainCommentName } from "../writer.ts";

/**
 * The comment of `doc` (user text, may be `""`) followed by `notes`: what
 * `formatComment(cComment(text), "c", indent)` writes for the text made of
 * `doc`, a blank line and the notes one per line, but reading each note
 * only once.
 *
 * @example
 * ```ts
 * cDocComment("", ["one", "two"], "  "); // "  /*\n   * one\n   * two\n   *\/"
 * ```
 */
export function cDocComment(doc: string, notes: readonly string[], indent: string, notesArePlain = false): string {
  // One line, or a note that needs escaping or trimming, or a doc with edge whitespace:
  // the general path (which the fast one must equal; see comment.test.ts).
  // `notesArePlain`: the caller built the notes from plain parts (see namesArePlain).
  if (notes.length === 0 || (doc === "" && notes.length === 1) || !(notesArePlain || notes.every(isPlainCLine)) || doc !== doc.trim()) {
    const text = doc === "" ? notes.join("\n") : `${doc}\n\n${notes.join("\n")}`;
    return formatComment(cComment(text), "c", indent);
  }
  let out = `${indent}/*`;
  if (doc !== "") {
    for (const l of cComment(doc).split("\n")) {
      const line = l.trimEnd();
      out += line === "" ? `\n${indent} *` : `\n${indent} * ${line}`;
    }
    out += `\n${indent} *`;
  }
  for (const note of notes) out += `\n${indent} * ${note}`;
  return `${out}\n${indent} */`;
}

/**
 * True when `s` goes into a C comment line unchanged by `cComment` and
 * `formatComment`: printable ASCII, no `*\/`, `/*` or `??` (a trigraph),
 * neither starting nor ending with a space, not empty.
 *
 * @example
 * ```ts
 * isPlainCLine("native: one result, returned directly."); // true
 * isPlainCLine("a ?? b"); // false (a trigraph)
 * ```
 */
export function isPlainCLine(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if ((c === 0x2a && next === 0x2f) || (c === 0x2f && next === 0x2a) || (c === 0x3f && next === 0x3f)) return false;
  }
  return true;
}

/**
 * True when a wasm module or import name puts nothing into a comment that
 * `cComment` or `formatComment` would change, wherever it appears in the
 * notes the header writes (`isPlainCommentName` for both names). Checked
 * once per import on the IR's strings, so the notes built from them need no
 * second reading (`cDocComment(…, true)`).
 *
 * @example
 * ```ts
 * namesArePlain("env", "divmod"); // true
 * namesArePlain("wasi:io/streams", "read"); // false: the `/`
 * ```
 */
export function namesArePlain(module: string, name: string): boolean {
  return isPlainCommentName(module) && isPlainCommentName(name);
}
