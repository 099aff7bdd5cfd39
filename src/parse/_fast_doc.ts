/**
 * The fast path's JSDoc reader: the documentation of a declaration whose
 * leading trivia starts at `pos`, read exactly as the slow path reads it —
 * the same comments (`ts.getLeadingCommentRanges`, the compiler's rule for
 * which comments lead a node), the same plain-comment reader
 * (`plainDoc`) and the same description text (`docText`). Where the slow
 * path would ask the compiler's JSDoc parser or report an error (a
 * malformed, repeated or misplaced `@symbol`), this declines.
 *
 * @example
 * ```ts
 * import { fastDoc } from "./_fast_doc.ts";
 * fastDoc("/** Adds.\n * @noctx\n *\/ function f(): void;", 0);
 * // { doc: "Adds.", noctx: true }
 * ```
 * @module
 */
import { ts } from "ts-morph";
import { type DocComment, type DocTag, plainDoc } from "./_doc_comments.ts";
import { decline } from "./_fast_scan.ts";
import { type DocInfo, docText } from "./_jsdoc.ts";

/** The documentation of a declaration without comments. Not to be mutated. */
export const NO_DOC: DocInfo = Object.freeze({ doc: "", noctx: false });

/**
 * The {@link DocInfo} of the declaration whose leading trivia starts at
 * `pos` in `text`; declines (throws) where the slow path would read the
 * comment with the compiler or report an error.
 */
export function fastDoc(text: string, pos: number): DocInfo {
  let last: DocComment | undefined;
  let info: DocInfo | undefined;
  for (const range of ts.getLeadingCommentRanges(text, pos) ?? []) {
    if (!isJsDoc(text, range.pos)) continue;
    const doc = hasAt(text, range.pos, range.end)
      ? (plainDoc(text, range.pos, range.end) ?? oneLineTags(text, range.pos, range.end))
      : { start: range.pos, end: range.end, tags: [] };
    for (const tag of doc.tags) {
      if (tag.name === "noctx") (info ??= { doc: "", noctx: false }).noctx = true;
      else if (tag.name === "symbol") {
        // A second `@symbol`, or one without exactly one word, is an error on the slow path.
        if (info?.symbol !== undefined || tag.words.length !== 1) decline();
        (info ??= { doc: "", noctx: false }).symbol = tag.words[0];
      }
    }
    last = doc;
  }
  if (last === undefined) return info ?? NO_DOC;
  info ??= { doc: "", noctx: false };
  info.doc = docText(text, last);
  return info;
}

/**
 * True when the comment `text[start, end)` has an `@`. Without one the
 * compiler finds no tags in it, whatever else it holds (braces, backticks,
 * odd line breaks, for which `plainDoc` would decline), and its description
 * is read from the text alike, so it needs no tag reader.
 */
function hasAt(text: string, start: number, end: number): boolean {
  const at = text.indexOf("@", start);
  return at >= 0 && at < end;
}

/** Tags {@link oneLineTags} reads: the compiler parses both as plain tags whose comment is text. */
const INLINE_TAGS: ReadonlySet<string> = new Set(["symbol", "noctx"]);

/**
 * A one-line comment with tags in mid-line, `/** Text. @symbol x @noctx *\/`
 * (which `plainDoc` declines), read as the compiler's JSDoc scanner reads
 * it: an `@` after a space or tab (and before a non-space) starts a tag, whose
 * comment runs to the next tag; an `@` after another character is text. Declines unless each
 * tag is `@symbol` or `@noctx`, and on line breaks, braces (inline links)
 * and on backticks after the first tag (code spans hide `@`s in tag comments).
 */
function oneLineTags(text: string, start: number, end: number): DocComment {
  const bodyEnd = end - 2;
  const tags: DocTag[] = [];
  for (let i = start + 3; i < bodyEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x7b) decline();
    if (c === 0x60 && tags.length !== 0) decline();
    if (c !== 0x40) continue;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    // Right after `/**` the compiler reads `@` as a tag whatever precedes it; non-ASCII neighbours may be whitespace.
    if (i === start + 3 || before >= 0x80 || after >= 0x80) decline();
    // `@ ` is a tag at the start of the comment and text elsewhere: leave it to the compiler.
    if (after === 0x20 || after === 0x09 || after === 0x0b || after === 0x0c) decline();
    if (!(before === 0x20 || before === 0x09 || before === 0x0b || before === 0x0c)) continue;
    let j = i + 1;
    while (j < bodyEnd && isTagNameChar(text.charCodeAt(j))) j++;
    const name = text.substring(i + 1, j);
    // A name running on into non-ASCII letters would be longer for the compiler.
    if (!INLINE_TAGS.has(name) || text.charCodeAt(j) >= 0x80) decline();
    tags.push({ name, words: [], at: i });
    i = j - 1;
  }
  for (let t = 0; t < tags.length; t++) {
    const tag = tags[t]!;
    if (tag.name !== "symbol") continue;
    const to = tags[t + 1]?.at ?? bodyEnd;
    tag.words = text.substring(tag.at + 1 + tag.name.length, to).split(/\s+/).filter((w) => w !== "");
  }
  return { start, end, tags };
}

function isTagNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24;
}

/** `/**` not followed by `/`: the compiler's test for a JSDoc comment. */
function isJsDoc(text: string, start: number): boolean {
  return text.charCodeAt(start + 1) === 0x2a && text.charCodeAt(start + 2) === 0x2a && text.charCodeAt(start + 3) !== 0x2f;
}
