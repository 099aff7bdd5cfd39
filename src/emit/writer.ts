/**
 * A small source writer that owns indentation and line breaks, so emitters
 * say what to write and never count spaces. Output always ends with exactly
 * one newline and never has trailing whitespace.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "./writer.ts";
 * const w = new SourceWriter("  ");
 * w.line("typedef struct {");
 * w.indented(() => w.line("int32_t quot;"));
 * w.line("} divmod_result;");
 * w.toString(); // "typedef struct {\n  int32_t quot;\n} divmod_result;\n"
 * ```
 * @module
 */
/** Lines joined into one string at a time (see `#push`). */
const CHUNK = 512;

/** How {@link SourceWriter.docComment} and {@link formatComment} lay out a comment. */
export type CommentStyle = "c" | "jsdoc" | "jsdoc-line";

export class SourceWriter {
  /** Joined chunks of earlier lines; each ends with a non-empty line. */
  #chunks: string[] = [];
  /** The lines since the last chunk. */
  #lines: string[] = [];
  /** The current indentation (kept as a string: emitters write ~10⁵ lines for big inputs). */
  #indent = "";
  readonly #unit: string;

  /** @param unit one level of indentation (two spaces by default). */
  constructor(unit = "  ") {
    this.#unit = unit;
  }

  /** Writes one line at the current indentation (an empty string writes a blank line). */
  line(text = ""): this {
    // Fast path for the common case, a single line without trailing
    // whitespace: no split, no trim, no new array.
    if (text.indexOf("\n") < 0) {
      // Every character `trimEnd` removes is <= U+0020, U+00A0 or >= U+1680.
      const last = text.charCodeAt(text.length - 1);
      const clean = last <= 0x20 || last === 0xa0 || last >= 0x1680 ? text.trimEnd() : text;
      this.#push(clean === "" ? "" : this.#indent + clean);
      return this;
    }
    if (hasTrailingWhitespace(text)) {
      for (const l of text.split("\n")) {
        const clean = l.trimEnd();
        this.#push(clean === "" ? "" : this.#indent + clean);
      }
      return this;
    }
    // Nothing to trim (filled templates, megabytes for big inputs): keep the
    // block as one entry, indenting its non-empty lines in one pass. The
    // text of `toString()` is the same as with one entry per line.
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
    const body = text.slice(0, end);
    const indent = this.#indent;
    const indented = indent === "" || body === ""
      ? body
      : (body.charCodeAt(0) === 0x0a ? "" : indent) + body.replace(/\n(?=[^\n])/g, `\n${indent}`);
    this.#push(indented);
    for (let i = end; i < text.length; i++) this.#push("");
    return this;
  }

  /**
   * Appends one line (or a block without trailing blank lines). Every
   * {@link CHUNK} lines are joined into one string: big outputs are ~10⁵
   * lines, and holding them as separate strings until `toString()` made the
   * garbage collector copy every one of them again and again.
   */
  #push(line: string): void {
    const lines = this.#lines;
    lines.push(line);
    if (lines.length >= CHUNK && line !== "") {
      this.#chunks.push(lines.join("\n"));
      this.#lines = [];
    }
  }

  /** Writes several lines. */
  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  /** Writes a blank line unless the previous line is already blank or there is none. */
  blank(): this {
    const n = this.#lines.length;
    // A joined chunk always ends with a non-empty line.
    const afterText = n > 0 ? this.#lines[n - 1] !== "" : this.#chunks.length > 0;
    if (afterText) this.#push("");
    return this;
  }

  /** Runs `body` one level deeper. */
  indented(body: () => void): this {
    return this.within(this.#unit, body);
  }

  /**
   * Runs `body` with `prefix` added to the indentation: for text that goes
   * into a template slot indented by the template itself, written at its
   * final place instead of re-indented afterwards.
   */
  within(prefix: string, body: () => void): this {
    const outer = this.#indent;
    this.#indent = outer + prefix;
    try {
      body();
    } finally {
      this.#indent = outer;
    }
    return this;
  }

  /**
   * Writes a block comment in the given style, one line per text line:
   * `"c"` gives `/* … *\/` lines for C, `"jsdoc"` gives a `/** … *\/` block,
   * and `"jsdoc-line"` the same block, but a one-line text as one line,
   * `/** text *\/` (C's one-line comments work that way too).
   * Nothing is written for empty text.
   */
  docComment(text: string, style: CommentStyle = "jsdoc"): this {
    return this.raw(formatComment(text, style, this.#indent));
  }

  /** The current indentation, for text formatted ahead of {@link raw}. */
  get indentation(): string {
    return this.#indent;
  }

  /**
   * Appends `text` as it is: one or more lines that the caller has already
   * indented (with {@link indentation}) and trimmed, with no trailing
   * newline. For emitters that format a whole item — a wrapper, a prototype
   * and its comment — as one template string: for big inputs that is ~10⁴
   * appends instead of ~10⁵ `line()` calls, whose checks and joins were a
   * third of the emitters' time. Empty text writes nothing.
   *
   * @example
   * ```ts
   * const w = new SourceWriter();
   * w.indented(() => w.raw(`${w.indentation}a: 1,\n${w.indentation}b: 2,`));
   * w.toString(); // "  a: 1,\n  b: 2,\n"
   * ```
   */
  raw(text: string): this {
    if (text !== "") this.#push(text);
    return this;
  }

  /** The text written so far, ending with exactly one newline. */
  toString(): string {
    let end = this.#lines.length;
    while (end > 0 && this.#lines[end - 1] === "") end--;
    const ls = end === this.#lines.length ? this.#lines : this.#lines.slice(0, end);
    if (this.#chunks.length === 0) return ls.join("\n") + "\n";
    return this.#chunks.join("\n") + (ls.length > 0 ? "\n" + ls.join("\n") : "") + "\n";
  }
}

/**
 * True when a line of `text` ends in whitespace (what `trimEnd` would
 * remove). Looks only at the character before each line break: a regex over
 * every character of a megabyte block cost more than writing it.
 */
function hasTrailingWhitespace(text: string): boolean {
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) {
    if (nl > 0 && isTrimmed(text.charCodeAt(nl - 1))) return true;
  }
  return text.length > 0 && isTrimmed(text.charCodeAt(text.length - 1));
}

/** True for a character `trimEnd` removes, other than `\n` (the line break itself). */
function isTrimmed(c: number): boolean {
  if (c === 0x0a) return false;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || (c >= 0x1680 && /\s/.test(String.fromCharCode(c)));
}

/**
 * The text {@link SourceWriter.docComment} writes, as a string: each line
 * prefixed with `indent`, lines joined by `\n`, no final newline; `""` for
 * empty text. `*\/` in the text becomes `* /` so it cannot end the comment.
 *
 * @example
 * ```ts
 * formatComment("Adds.", "jsdoc-line", "  "); // "  /** Adds. *\/"
 * formatComment("a\n\nb", "c", "");          // "/*\n * a\n *\n * b\n *\/"
 * ```
 */
export function formatComment(text: string, style: CommentStyle, indent: string): string {
  const body = (text.includes("*/") ? text.replace(/\*\//g, "* /") : text).trim();
  if (body === "") return "";
  if (!body.includes("\n") && style !== "jsdoc") return style === "c" ? `${indent}/* ${body} */` : `${indent}/** ${body} */`;
  let out = indent + (style === "c" ? "/*" : "/**");
  for (const l of body.split("\n")) {
    const line = l.trimEnd();
    out += line === "" ? `\n${indent} *` : `\n${indent} * ${line}`;
  }
  return `${out}\n${indent} */`;
}

/**
 * True when `s` can stand inside a generated comment line exactly as it is,
 * in either comment style: printable ASCII without `*` or `/` (so it can
 * neither end nor open a comment) and without `?` (C trigraphs), so neither
 * {@link formatComment} nor the C header's escaping would change it. Emitters
 * check wasm names with it once per import (they are flat strings already)
 * instead of re-reading the comment text built from them.
 *
 * @example
 * ```ts
 * isPlainCommentName("my-lib.v2"); // true
 * isPlainCommentName("wasi:io/streams"); // false: the `/`
 * ```
 */
export function isPlainCommentName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x2a || c === 0x2f || c === 0x3f) return false;
  }
  return true;
}
