/**
 * Reads the JSDoc of a function or module: the description (carried into
 * the generated header and bindings) and hostbind's two tags, `@symbol NAME`
 * (the native symbol to bind) and `@noctx` (no `hostbind_ctx *` parameter).
 * Other tags (`@param`, `@deprecated`, …) are left to the user's editor.
 *
 * @example
 * ```ts
 * import { readDoc } from "./_jsdoc.ts";
 * // For `/** Hypotenuse. @symbol hypot @noctx *\/ function hypot(x: f64, y: f64): f64;`
 * readDoc(cx, fn, "`m.hypot`"); // { doc: "Hypotenuse.", symbol: "hypot", noctx: true }
 * ```
 * @module
 */
import type { JSDocableNode, JSDocTag } from "ts-morph";
import type { ParseContext } from "./_context.ts";

/** What the JSDoc of one declaration says. */
export interface DocInfo {
  /** The description with tags removed, trimmed; `""` when there is none. */
  doc: string;
  /** The `@symbol` name, when given. */
  symbol?: string;
  /** True when `@noctx` is present. */
  noctx: boolean;
}

/**
 * Reads `node`'s JSDoc. `owner` names the declaration in error messages.
 * A malformed `@symbol` (no name, several names, given twice) is recorded as
 * an error in `cx` and otherwise ignored.
 */
export function readDoc(cx: ParseContext, node: JSDocableNode, owner: string): DocInfo {
  const docs = node.getJsDocs();
  // The comment nearest the declaration is its documentation, as editors show it.
  const last = docs[docs.length - 1];
  const info: DocInfo = { doc: last ? cleanText(last.getDescription()) : "", noctx: false };
  let symbolTag: JSDocTag | undefined;
  for (const tag of docs.flatMap((d) => d.getTags())) {
    const name = tag.getTagName();
    if (name === "noctx") info.noctx = true;
    if (name !== "symbol") continue;
    const words = (tag.getCommentText() ?? "").trim().split(/\s+/).filter((w) => w !== "");
    if (symbolTag !== undefined) {
      cx.error(tag, `Duplicate \`@symbol\` tag on ${owner}: expected at most one`, "Keep one `@symbol NAME` tag.", [
        { node: symbolTag, message: "the first `@symbol` tag is here" },
      ]);
    } else if (words.length !== 1) {
      const found = words.length === 0 ? "no name" : `${words.length} words \`${words.join(" ")}\``;
      cx.error(
        tag,
        `\`@symbol\` on ${owner} needs exactly one C symbol name, found ${found}`,
        "Write the native symbol after the tag, e.g. `@symbol my_function`.",
      );
    } else {
      info.symbol = words[0];
    }
    symbolTag ??= tag;
  }
  return info;
}

/** Trims the description and the ends of its lines; inner blank lines (paragraphs) stay. */
function cleanText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}
