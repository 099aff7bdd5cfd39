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

/** How {@link SourceWriter.docComment} lays out a comment. */
export type CommentStyle = "c" | "jsdoc" | "jsdoc-line";

/** Builds one generated file, line by line. */
export class SourceWriter {
  /** The text so far, every line ending in `\n`, without the blank lines not yet followed by text. */
  #text = "";
  /** Blank lines written since the last line with text: added before the next one, dropped at the end. */
  #blanks = 0;
  #indent = "";
  readonly #unit: string;

  /** @param unit one level of indentation (two spaces by default). */
  constructor(unit = "  ") {
    this.#unit = unit;
  }

  /**
   * Writes `text` at the current indentation: each of its lines is trimmed
   * at the end and indented unless empty (an empty string writes a blank
   * line).
   */
  line(text = ""): this {
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      const clean = (end < 0 ? text.slice(start) : text.slice(start, end)).trimEnd();
      if (clean === "") {
        this.#blanks++;
      } else {
        // One growing string: the engines append to it without copying, and
        // a big output is not held as ~10⁵ separate line strings.
        this.#text += this.#blanks === 0 ? this.#indent + clean + "\n" : "\n".repeat(this.#blanks) + this.#indent + clean + "\n";
        this.#blanks = 0;
      }
      if (end < 0) return this;
      start = end + 1;
    }
  }

  /** Writes several lines. */
  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  /** Writes a blank line unless the previous line is already blank or there is none. */
  blank(): this {
    if (this.#blanks === 0 && this.#text !== "") this.#blanks = 1;
    return this;
  }

  /** Runs `body` one level deeper. */
  indented(body: () => void): this {
    return this.within(this.#unit, body);
  }

  /**
   * Runs `body` with `prefix` added to the indentation: for text that goes
   * where a template indents it (see `writeTemplate`).
   *
   * @example
   * ```ts
   * new SourceWriter().within("\t", () => {}).toString(); // "\n"
   * ```
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
   * `/** text *\/` (C's one-line comments work that way too). The text is
   * trimmed, and `*\/` in it becomes `* /` so it cannot end the comment.
   * Nothing is written for empty text.
   *
   * @example
   * ```ts
   * new SourceWriter().docComment("Adds.", "jsdoc-line").toString(); // "/** Adds. *\/\n"
   * new SourceWriter().docComment("a\n\nb", "c").toString(); // "/*\n * a\n *\n * b\n *\/\n"
   * ```
   */
  docComment(text: string, style: CommentStyle = "jsdoc"): this {
    const body = text.replace(/\*\//g, "* /").trim();
    if (body === "") return this;
    if (!body.includes("\n") && style !== "jsdoc") return this.line(style === "c" ? `/* ${body} */` : `/** ${body} */`);
    this.line(style === "c" ? "/*" : "/**");
    for (const l of body.split("\n")) this.line(l.trimEnd() === "" ? " *" : ` * ${l}`);
    return this.line(" */");
  }

  /** The text written so far, ending with exactly one newline. */
  toString(): string {
    return this.#text === "" ? "\n" : this.#text;
  }
}
