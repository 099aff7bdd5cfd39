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
  #lines: string[] = [];
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
    for (const l of text.split("\n")) {
      const clean = l.trimEnd();
      this.#lines.push(clean === "" ? "" : this.#indent + clean);
    }
    return this;
  }

  /** Writes several lines. */
  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  /** Writes a blank line unless the previous line is already blank or there is none. */
  blank(): this {
    const n = this.#lines.length;
    if (n > 0 && this.#lines[n - 1] !== "") this.#lines.push("");
    return this;
  }

  /** Runs `body` one level deeper. */
  indented(body: () => void): this {
    const outer = this.#indent;
    this.#indent = outer + this.#unit;
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
    let end = this.#lines.length;
    while (end > 0 && this.#lines[end - 1] === "") end--;
    return this.#lines.slice(0, end).join("\n") + "\n";
  }
}
