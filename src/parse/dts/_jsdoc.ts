/**
 * Reads the JSDoc of a function or module: the description (carried into
 * the generated header and bindings) and hostbind's two tags, `@symbol NAME`
 * (the native symbol to bind) and `@noctx` (no `hostbind_ctx *` parameter).
 * Other tags (`@param`, `@deprecated`, …) are left to the user's editor.
 * @module
 */
import { ts } from "ts-morph";
import { code, type ParseContext } from "./_context.ts";

/** What the JSDoc of one declaration says. */
export interface DocInfo {
  /** The description with tags removed, trimmed; `""` when there is none. */
  doc: string;
  /** The `@symbol` name, when given. */
  symbol?: string;
  /** True when `@noctx` is present. */
  noctx: boolean;
  /** The `@name` wasm import name, when given. */
  name?: string;
  /** True when `@exports` is present: a namespace of guest exports native code calls. */
  exports: boolean;
  /** True when `@allocator` is present: the guest export that allocates data results. */
  allocator: boolean;
}

/** A declaration that may carry JSDoc comments. */
type Documented = ts.FunctionDeclaration | ts.ModuleDeclaration;

/**
 * Reads `node`'s JSDoc. `owner` names the declaration in error messages.
 * A malformed `@symbol` (no name, several names, given twice) is recorded as
 * an error in `cx` and otherwise ignored.
 */
export function readDoc(cx: ParseContext, node: Documented, owner: string): DocInfo {
  const docs = docComments(cx, node);
  // The comment nearest the declaration is its documentation, as editors show it.
  const last = docs[docs.length - 1];
  const info: DocInfo = { doc: last ? docText(cx.sourceFile.text, last) : "", noctx: false, exports: false, allocator: false };
  let symbolAt: number | undefined;
  let nameAt: number | undefined;
  for (const d of docs) {
    for (const tag of d.tags) {
      if (tag.name === "noctx") info.noctx = true;
      if (tag.name === "exports") info.exports = true;
      if (tag.name === "allocator") info.allocator = true;
      if (tag.name === "name") {
        if (nameAt !== undefined) {
          cx.error(tag.at, `Duplicate \`@name\` tag on ${owner}: expected at most one`, "Keep one `@name WASM_NAME` tag.", [
            { node: nameAt, message: "the first `@name` tag is here" },
          ]);
        } else {
          const name = wasmName(cx, tag, owner);
          if (name !== undefined) info.name = name;
        }
        nameAt ??= tag.at;
        continue;
      }
      if (tag.name !== "symbol") continue;
      const words = tag.words;
      if (symbolAt !== undefined) {
        cx.error(tag.at, `Duplicate \`@symbol\` tag on ${owner}: expected at most one`, "Keep one `@symbol NAME` tag.", [
          { node: symbolAt, message: "the first `@symbol` tag is here" },
        ]);
      } else if (words.length !== 1) {
        const found = words.length === 0 ? "no name" : `${words.length} words \`${words.join(" ")}\``;
        cx.error(
          tag.at,
          `\`@symbol\` on ${owner} needs exactly one C symbol name, found ${found}`,
          "Write the native symbol after the tag, e.g. `@symbol my_function`.",
        );
      } else {
        info.symbol = words[0];
      }
      symbolAt ??= tag.at;
    }
  }
  return info;
}

/** One JSDoc comment as the compiler parsed it, with offsets into the text. */
interface DocComment {
  /** Offset of `/**`. */
  start: number;
  /** Offset just past `*\/`. */
  end: number;
  /** Its tags in order: name, the text after it, that text's words (`@symbol` only), offset of the `@`. */
  tags: { name: string; text: string; words: string[]; at: number }[];
}

/**
 * The wasm import name a `@name` tag gives: the text after the tag, or, when
 * it starts with `"`, a JSON string literal (for names with spaces, line
 * breaks or any other character, escaped). `undefined` after reporting a
 * malformed one.
 */
function wasmName(cx: ParseContext, tag: DocComment["tags"][number], owner: string): string | undefined {
  const text = tag.text.trim();
  const hint = 'Write the wasm import name after the tag: `@name console.log`, or as a JSON string, `@name "a b"`.';
  if (text === "") {
    cx.error(tag.at, `\`@name\` on ${owner} needs the wasm import name, found nothing`, hint);
    return undefined;
  }
  if (!text.startsWith('"')) return text;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "string") return value;
  } catch {
    // Reported below.
  }
  cx.error(tag.at, `\`@name\` on ${owner} starts with \`"\` but is not one JSON string: ${code(text)}`, hint);
  return undefined;
}

/**
 * `node`'s JSDoc comments as the compiler attaches them (`jsDoc`, set by a
 * parse with JSDoc on; not in the public typings, ts-morph's getJsDocs()
 * reads the same property).
 */
function docComments(cx: ParseContext, node: Documented): DocComment[] {
  const own = (node as Documented & { jsDoc?: readonly ts.JSDoc[] }).jsDoc ?? [];
  return own.map((doc) => ({
    start: doc.getStart(cx.sourceFile),
    end: doc.end,
    tags: (doc.tags ?? []).map((tag) => {
      const name = cx.text(tag.tagName);
      const text = commentText(cx, tag);
      return { name, text, words: name === "symbol" ? text.trim().split(/\s+/).filter((w) => w !== "") : [], at: tag.getStart(cx.sourceFile) };
    }),
  }));
}

/**
 * A tag's comment text (`""` when none), read from the source between the
 * tag's name and its end, without the lines' leading `*`: exactly as
 * written, inline tags such as `{@link x}` included (the compiler's own
 * rendering of those needs parent pointers the parse does not set).
 */
function commentText(cx: ParseContext, tag: ts.JSDocTag): string {
  const [first = "", ...rest] = cx.sourceFile.text.substring(tag.tagName.end, tag.end).replace(/\*\/$/, "").split("\n");
  // The first line follows the tag name; the next ones start with the comment's `*`.
  return [first, ...rest.map(withoutLineStar)].join("\n").trim();
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const ASTERISK = 0x2a;
/** What ts-morph counts as whitespace around JSDoc text. */
const WHITESPACE = new Set([" ", "\f", "\n", "\r", "\t", "\v", "\u00A0", "\u2028", "\u2029"].map((c) => c.charCodeAt(0)));

/**
 * The documentation text of a JSDoc comment in `text`, as the IR carries it
 * (`ImportFunction.doc`): its description, trimmed, line ends trimmed.
 */
function docText(text: string, doc: DocComment): string {
  return cleanText(description(text, doc));
}

/**
 * The description of a JSDoc comment: the text before its first tag, with
 * the comment delimiters and leading `*`s removed. Computed from the source
 * text exactly as ts-morph's `JSDoc.getDescription()` does (which the
 * parser used before it walked the compiler's tree directly), so
 * descriptions keep their line breaks and inner spacing.
 */
function description(text: string, doc: DocComment): string {
  const endSearchStart = doc.tags[0]?.at ?? doc.end - 2;
  const open = doc.start + 3;
  const start = text.charCodeAt(open) === SPACE ? open + 1 : open;
  const endOrNewline = previousMatching(text, endSearchStart, isNewlineOrText);
  const end = previousMatching(text, endOrNewline, isNotLineBreak);
  return withoutStars(text.substring(start, Math.max(start, end)));
}

// The two stop tests of description(), as functions declared once (not a closure per comment).
function isNewlineOrText(c: number): boolean {
  return c === NEWLINE || (!WHITESPACE.has(c) && c !== ASTERISK);
}

function isNotLineBreak(c: number): boolean {
  return c !== NEWLINE && c !== CARRIAGE_RETURN;
}

/** Moves `pos` back while the character before it does not satisfy `stop`. */
function previousMatching(text: string, pos: number, stop: (charCode: number) => boolean): number {
  let p = pos;
  while (p > 0 && !stop(text.charCodeAt(p - 1))) p--;
  return p;
}

/** Comment text without `/**`, `*\/` and each line's leading `*` (and one space after it). */
function withoutStars(input: string): string {
  // Every line terminator TypeScript knows (CRLF, LF, a lone CR, U+2028, U+2029) ends a line.
  const text = input.replace(/\r\n|[\r\u2028\u2029]/g, "\n");
  const inner = text.replace(/^\/\*\*[^\S\n]*\n?/, "").replace(/\n?[^\S\n]*\*\/$/, "");
  return inner.split("\n").map(withoutLineStar).join("\n");
}

/** One comment line without its leading `*` (and one space after it), if the line has one after whitespace. */
function withoutLineStar(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === ASTERISK) return line.substring(line[i + 1] === " " ? i + 2 : i + 1);
    if (!WHITESPACE.has(c)) break;
  }
  return line;
}

/** Trims the description and the ends of its lines; inner blank lines (paragraphs) stay. */
function cleanText(text: string): string {
  // Every line terminator TypeScript knows (CRLF, LF, a lone CR, U+2028, U+2029) becomes one `\n`.
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}
