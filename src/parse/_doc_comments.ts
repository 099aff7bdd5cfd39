/**
 * Finds the JSDoc comments of a declaration and their tags, without the
 * compiler's JSDoc parser: the file is parsed with JSDoc parsing off (it was
 * a third of the parse), and the comments are read here from the text. This
 * reader handles "plain" comments — tags only at the start of a line, no
 * `{`, `` ` `` or `[`, and only the tags hostbind and common docs use — and
 * declines anything else, for which the caller asks the compiler (a full
 * parse with JSDoc), so every comment reads exactly as TypeScript reads it.
 *
 * @example
 * ```ts
 * import { plainDoc } from "./_doc_comments.ts";
 * const text = "/** Frees it.\n * @symbol my_free\n *\/";
 * plainDoc(text, 0, text.length);
 * // { start: 0, end: 36, tags: [{ name: "symbol", words: ["my_free"], at: 17 }] }
 * ```
 * @module
 */
import { ts } from "ts-morph";

/** One block tag of a JSDoc comment. */
export interface DocTag {
  /** The tag name without `@` (`symbol`). */
  name: string;
  /** The words of the tag's comment (`["my_free"]`); read for `@symbol` only, `[]` for other tags. */
  words: string[];
  /** The offset of its `@` in the file. */
  at: number;
}

/** One JSDoc comment, `/** … *\/`. */
export interface DocComment {
  /** Offset of `/**`. */
  start: number;
  /** Offset just after `*\/`. */
  end: number;
  /** Its block tags in order. */
  tags: DocTag[];
}

/** Tags whose compiler parsing this reader matches (the rest, like `@typedef`, nest other tags). */
const PLAIN_TAGS: ReadonlySet<string> = new Set(["symbol", "noctx", "param", "returns", "return", "deprecated", "remarks"]);

/**
 * The JSDoc comments before the declaration that starts (with its leading
 * trivia) at `pos`, as the compiler attaches them; `undefined` when one of
 * them is not plain.
 *
 * @example
 * ```ts
 * plainDocs(sourceFile.text, fn.pos)?.length; // 1 for `/** Adds. *\/ function add(…)`
 * ```
 */
export function plainDocs(text: string, pos: number): DocComment[] | undefined {
  const docs: DocComment[] = [];
  for (const range of ts.getLeadingCommentRanges(text, pos) ?? []) {
    if (!isJsDoc(text, range.pos)) continue;
    const doc = plainDoc(text, range.pos, range.end);
    if (doc === undefined) return undefined;
    docs.push(doc);
  }
  return docs;
}

/** `/**` not followed by `/`: the compiler's test for a JSDoc comment. */
function isJsDoc(text: string, start: number): boolean {
  return text.charCodeAt(start + 1) === 0x2a && text.charCodeAt(start + 2) === 0x2a && text.charCodeAt(start + 3) !== 0x2f;
}

/**
 * Reads the comment `text[start, end)` (`/** … *\/`); `undefined` when it is
 * not plain (see the module doc).
 *
 * @example
 * ```ts
 * plainDoc("/** @noctx *\/", 0, 13)?.tags.map((t) => t.name); // ["noctx"]
 * plainDoc("/** See {@link x}. *\/", 0, 21); // undefined
 * ```
 */
export function plainDoc(text: string, start: number, end: number): DocComment | undefined {
  const bodyEnd = end - 2;
  const tags: DocTag[] = [];
  let wordsFrom = -1; // where the open tag's comment starts
  const close = (to: number) => {
    const tag = tags[tags.length - 1];
    if (tag !== undefined && tag.name === "symbol") tag.words = words(text, wordsFrom, to);
  };
  for (let lineStart = start + 3, first = true; lineStart <= bodyEnd; first = false) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0 || lineEnd > bodyEnd) lineEnd = bodyEnd;
    // Where a tag may start: after the line's whitespace and (after the first line) one `*`.
    const head = lineHead(text, lineStart, lineEnd, first);
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      // Braces (inline links), backticks (code spans) and brackets (optional
      // parameter names) change how the compiler scans; lone CR and Unicode
      // line breaks split lines where this reader does not.
      if (c === 0x7b || c === 0x60 || c === 0x5b || c === 0x2028 || c === 0x2029) return undefined;
      if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) return undefined;
      if (c === 0x40 && i !== head) return undefined; // an `@` inside text
    }
    if (head < lineEnd && text.charCodeAt(head) === 0x40) {
      const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(head + 1, lineEnd))?.[0];
      if (name === undefined || !PLAIN_TAGS.has(name)) return undefined;
      // A name running on into non-ASCII letters would be longer for the compiler.
      if (text.charCodeAt(head + 1 + name.length) >= 0x80) return undefined;
      close(head);
      tags.push({ name, words: [], at: head });
      wordsFrom = head + 1 + name.length;
    }
    lineStart = lineEnd + 1;
  }
  close(bodyEnd);
  return { start, end, tags };
}

/** The offset of the first character of a comment line after its margin (whitespace, then one `*` after the first line). */
function lineHead(text: string, from: number, to: number, first: boolean): number {
  let i = skipSpaces(text, from, to);
  if (!first && i < to && text.charCodeAt(i) === 0x2a) i = skipSpaces(text, i + 1, to);
  return i;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && ts.isWhiteSpaceSingleLine(text.charCodeAt(i))) i++;
  return i;
}

/** The words of a tag comment spanning `text[from, to)`, each line's margin (whitespace and one `*`) removed. */
function words(text: string, from: number, to: number): string[] {
  const out: string[] = [];
  const lines = text.slice(from, to).split("\n");
  lines.forEach((line, i) => {
    const head = i === 0 ? 0 : lineHead(line, 0, line.length, false);
    for (const w of line.slice(head).split(/\s+/)) if (w !== "") out.push(w);
  });
  return out;
}
