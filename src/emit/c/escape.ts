/**
 * C spelling that is not a symbol rule: text made safe for a block comment,
 * text as a string literal, and the include guard of a header.
 *
 * @example
 * ```ts
 * import { cComment, cString, headerGuard } from "./escape.ts";
 * cComment("a *\/ b"); // "a * / b"
 * cString("x?"); // "\"x\\077\""
 * headerGuard("my-lib"); // "HOSTBIND_MY_LIB_DC1651A9_H"
 * ```
 * @module
 */

/**
 * Escapes text for a C block comment: no `*` `/` pair can close it early, no
 * `/` `*` pair trips `-Wcomment`, and no `??` can start a trigraph (C11 mode
 * turns `??/` at a line end into a line splice, which `-Wtrigraphs` reports).
 *
 * @example
 * ```ts
 * cComment("what?? /* x"); // "what? ? / * x"
 * ```
 */
export function cComment(text: string): string {
  return text.replace(/\*\//g, "* /").replace(/\/\*/g, "/ *").replace(/\?(?=\?)/g, "? ");
}

/**
 * The text of a header comment: the user's `doc` (may be empty), a blank
 * line, then hostbind's `notes`, one per line; escaped for C.
 *
 * @example
 * ```ts
 * cDocText("Adds.", ["native: one result."]); // "Adds.\n\nnative: one result."
 * ```
 */
export function cDocText(doc: string, notes: readonly string[]): string {
  return cComment(doc === "" ? notes.join("\n") : `${doc}\n\n${notes.join("\n")}`);
}

/**
 * The include guard of a generated header: `HOSTBIND_<NAME>_<HASH>_H`, the
 * output name upper-cased with every character outside `[A-Z0-9_]` replaced
 * by `_`, then a hash of the exact name, so that headers of names that spell
 * alike (`my-lib`, `my_lib`, `My_Lib`) can be included together.
 *
 * @example
 * ```ts
 * headerGuard("my-lib"); // "HOSTBIND_MY_LIB_DC1651A9_H"
 * headerGuard("my_lib") !== headerGuard("my-lib"); // true
 * ```
 */
export function headerGuard(name: string): string {
  return `HOSTBIND_${name.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}_${fnv1a(name)}_H`;
}

/** 32-bit FNV-1a of the UTF-16 code units of `s`, as eight upper-case hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, "0");
}

/**
 * A C string literal of `text` in UTF-8: printable ASCII as is, everything
 * else (quotes, backslashes, `?` that could start a trigraph, control and
 * non-ASCII bytes) as a three-digit octal escape, which — unlike `\x` —
 * never swallows the character after it.
 *
 * @example
 * ```ts
 * cString('say "hi"?'); // "\"say \\042hi\\042\\077\""
 * ```
 */
export function cString(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c && byte !== 0x3f;
    out += plain ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `"${out}"`;
}
