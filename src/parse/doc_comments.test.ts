// The plain JSDoc reader against the compiler's JSDoc parser: for every
// comment it accepts, the same comments, tag names, tag positions and tag
// words; comments it declines go to the compiler, so they only need declining.
import { describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { type DocComment, plainDoc, plainDocs } from "./_doc_comments.ts";

/** What the compiler makes of the JSDoc before `function f` in `source`. */
function compilerDocs(source: string): { fnPos: number; docs: DocComment[] } {
  const sf = ts.createSourceFile("/t.d.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ns = sf.statements[0] as ts.ModuleDeclaration;
  const fn = (ns.body as ts.ModuleBlock).statements[0]!;
  const jsDoc = (fn as ts.Statement & { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  const docs = jsDoc.map((d) => ({
    start: d.getStart(sf),
    end: d.end,
    tags: (d.tags ?? []).map((t) => {
      const name = t.tagName.getText(sf);
      const comment = typeof t.comment === "string" ? t.comment : ts.getTextOfJSDocComment(t.comment) ?? "";
      // Only `@symbol`'s words are read (other tags, like `@param NAME text`, split theirs differently).
      return { name, words: name === "symbol" ? comment.trim().split(/\s+/).filter((w) => w !== "") : [], at: t.getStart(sf) };
    }),
  }));
  return { fnPos: fn.pos, docs };
}

const COMMENTS: string[] = [
  "/** Adds two integers. */",
  "/**   Does f.   */",
  "/***/",
  "/** */",
  "/**\n */",
  "/** @noctx */",
  "/** @symbol custom_sym_7 */",
  "/**@symbol x*/",
  "/**\n   * Four results of every width.\n   * @param seed where to start\n   */",
  "/**\n   * Reads a clock.\n   * Monotonic.\n   *\n   * Second paragraph.\n   * @param id which clock\n   * @returns nanoseconds\n   */",
  "/**\n   * Frees a buffer.\n   * @symbol my_free\n   */",
  "/**\n   * @symbol a\n   * @symbol b\n   */",
  "/**\n   * @symbol\n   *   spans\n   * lines\n   */",
  "/**\n   * @symbol two words\n   */",
  "/**\n   @symbol no_star\n   more words\n   */",
  "/**\n   * * @symbol double_star\n   */",
  "/**\n   ** @symbol two_stars\n   */",
  "/** Text then @symbol mid_line */",
  "/** mail me@example.com please */",
  "/** trailing @ sign @ */",
  "/** Hypotenuse. @symbol hypot @noctx */",
  "/** See {@link g}. */",
  "/** Uses `a @b` code. */",
  "/**\n   * @param [x] optional\n   */",
  "/**\n   * @typedef Foo\n   * @property a\n   */",
  "/**\n   * @deprecated use g\n   * @see g\n   */",
  "/**\n   * @remarks\n   *   indented\n   * @noctx\n   */",
  "/**\n\t * Tabs\t\n\t * @symbol\ttabbed\n\t */",
  "/**\r\n   * CRLF text.\r\n   * @symbol crlf_sym\r\n   */",
  "/**\r   * lone CR\r   */",
  "/** Unicode \u00e9t\u00e9 \u2014 dash. */",
  "/**\n   * @symbol caf\u00e9\n   */",
  "/**\n   * @symbol\u00e9 x\n   */",
  "/**\n   * @1bad\n   */",
  "/**\n   * @ space\n   */",
  "/** Old. */\n  /** New. @noctx */",
  "/** One. */\n  // line\n  /** Two.\n   * @symbol two\n   */",
  "/* not jsdoc */\n  /** Yes. */",
  "/**/\n  /** After an empty block. */",
  "/**\n   *\n   * @noctx\n   *\n   */",
  "/**\n   *    deeply indented\n   *        @symbol deep\n   */",
  "/**\n   * a\u00a0@symbol nbsp\n   */",
];

describe("plainDocs", () => {
  it.each(COMMENTS.map((c) => [c]))("%j reads as the compiler reads it, or is declined", (comment) => {
    const source = `namespace env {\n  ${comment}\n  function f(): void;\n}`;
    const { fnPos, docs } = compilerDocs(source);
    const plain = plainDocs(source, fnPos);
    if (plain !== undefined) expect(plain).toEqual(docs);
  });

  it("accepts the common forms (so the fast path is what runs)", () => {
    const accepted = COMMENTS.filter((c) => {
      const source = `namespace env {\n  ${c}\n  function f(): void;\n}`;
      return plainDocs(source, compilerDocs(source).fnPos) !== undefined;
    });
    expect(accepted.length).toBeGreaterThanOrEqual(25);
    for (const common of [COMMENTS[0]!, COMMENTS[5]!, COMMENTS[6]!, COMMENTS[8]!, COMMENTS[9]!, COMMENTS[28]!]) {
      expect(accepted).toContain(common);
    }
  });

  it("declines what changes the compiler's scanning", () => {
    for (const text of ["/** See {@link g}. */", "/** a `@b` */", "/** x @symbol y */", "/**\n * @typedef T\n */", "/**\n * @param [x]\n */"]) {
      expect(plainDoc(text, 0, text.length), text).toBeUndefined();
    }
  });
});
