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
    const lines = commentLines(text.replace(/\*\//g, "* /"));
    if (lines.length === 0) return this;
    if (lines.length === 1 && style !== "jsdoc") return this.line(style === "c" ? `/* ${lines[0]} */` : `/** ${lines[0]} */`);
    this.line(style === "c" ? "/*" : "/**");
    for (const l of lines) this.line(l === "" ? " *" : ` * ${l}`);
    return this.line(" */");
  }

  /** The text written so far, ending with exactly one newline. */
  toString(): string {
    return this.#text === "" ? "\n" : this.#text;
  }
}

/**
 * Text made safe to stand in comment lines of any output (C, TS, Rust): split
 * at every line terminator (CRLF, LF, CR, U+2028, U+2029, U+0085), every
 * other control character and every bidirectional formatting character (which
 * can make code read differently from how it compiles: compilers reject them
 * unpaired) written as `\xHH`/`\uHHHH`, lines trimmed at the
 * end, leading and trailing blank lines dropped. Comment closers are each
 * writer's business (`*\/` for block comments).
 *
 * @example
 * ```ts
 * commentLines("a\r\nb\rc\u2028d\u001b[0m\n\n"); // ["a", "b", "c", "d\\x1b[0m"]
 * ```
 */
export function commentLines(text: string): string[] {
  const lines = text
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
    .map((l) => l.replace(CONTROLS, escapeControl).trimEnd());
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  // The first line keeps no leading space (as a trimmed text would not).
  if (lines.length > 0) lines[0] = lines[0]!.trimStart();
  return lines;
}

/** Control characters (but tab and line breaks, split before) and bidirectional formatting characters. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` broken at spaces into lines of at most `width` characters (a
 * longer word stands on a line of its own), for prose in generated comments.
 *
 * @example
 * ```ts
 * wrapWords("one two three", 8); // "one two\nthree"
 * ```
 */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join("\n");
}
