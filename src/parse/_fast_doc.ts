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
 * const text = "/** Adds. @noctx *\/\nfunction add(a: i32): i32;";
 * fastDoc("/** Adds.\n * @noctx\n *\/ function f(): void;", 0);
 * // { doc: "Adds.", noctx: true }
 * ```
 * @module
 */
import { ts } from "ts-morph";
import { type DocComment, plainDoc } from "./_doc_comments.ts";
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
    const doc = hasAt(text, range.pos, range.end) ? plainDoc(text, range.pos, range.end) ?? decline() : { start: range.pos, end: range.end, tags: [] };
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

/** `/**` not followed by `/`: the compiler's test for a JSDoc comment. */
function isJsDoc(text: string, start: number): boolean {
  return text.charCodeAt(start + 1) === 0x2a && text.charCodeAt(start + 2) === 0x2a && text.charCodeAt(start + 3) !== 0x2f;
}
