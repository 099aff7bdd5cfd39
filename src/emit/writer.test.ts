// SourceWriter: every line trimmed at the end and indented unless empty.
import { describe, expect, it } from "vitest";
import { SourceWriter } from "./writer.ts";

/** The reference behaviour: every line split, trimmed, indented when non-empty. */
function reference(texts: string[], depth: number): string {
  const lines = texts.flatMap((t) => t.split("\n")).map((l) => l.trimEnd()).map((l) => (l === "" ? "" : "  ".repeat(depth) + l));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n") + "\n";
}

const CASES: { name: string; texts: string[] }[] = [
  { name: "plain lines", texts: ["a", "b c", ""] },
  { name: "trailing spaces, tabs, CR and NBSP", texts: ["a  ", "b\t", "c\r", "d\u00a0", "   "] },
  { name: "a block with blank lines", texts: ["x\n\ny\n  z"] },
  { name: "a block ending in newlines", texts: ["x\ny\n\n\n", "after"] },
  { name: "a block starting with a newline", texts: ["\nx\ny"] },
  { name: "a block with trailing whitespace on one line", texts: ["x \ny\n\t\nz"] },
  { name: "only newlines", texts: ["\n\n", "x"] },
  { name: "a block with Unicode spaces at line ends", texts: ["u\u3000\nv", "w\nx\ufeff", "y\u2028\nz", "p\nq\u200a"] },
  { name: "a block with characters that are not spaces at line ends", texts: ["a\u00ad\nb\u200b\nc\u1680d"] },
];

describe("SourceWriter.line", () => {
  for (const depth of [0, 2]) {
    it.each(CASES)(`$name at depth ${depth}`, ({ texts }) => {
      const w = new SourceWriter();
      const write = () => texts.forEach((t) => w.line(t));
      if (depth === 0) write();
      else w.indented(() => w.indented(write));
      expect(w.toString()).toBe(reference(texts, depth));
    });
  }

  it("blank() sees the last line of a block", () => {
    const w = new SourceWriter();
    w.line("a\nb\n").blank().line("c");
    w.line("d\ne").blank().blank().line("f");
    expect(w.toString()).toBe("a\nb\n\nc\nd\ne\n\nf\n");
  });

  it("restores the indentation after indented() throws", () => {
    const w = new SourceWriter();
    expect(() => w.indented(() => { throw new Error("x"); })).toThrow("x");
    w.line("a");
    expect(w.toString()).toBe("a\n");
  });
});

describe("docComment", () => {
  const CASES: { style: "c" | "jsdoc" | "jsdoc-line"; given: string; want: string }[] = [
    { style: "c", given: "", want: "" },
    { style: "jsdoc", given: "  \n ", want: "" },
    { style: "c", given: "Adds.", want: "/* Adds. */" },
    { style: "jsdoc-line", given: "  padded  ", want: "/** padded */" },
    { style: "jsdoc", given: "Adds.", want: "/**\n * Adds.\n */" },
    { style: "c", given: "a\n\n  b  \n", want: "/*\n * a\n *\n *   b\n */" },
    { style: "jsdoc-line", given: "ends */ early", want: "/** ends * / early */" },
    { style: "jsdoc", given: "x */\n*/ y", want: "/**\n * x * /\n * * / y\n */" },
    { style: "c", given: "tab\t\nend\u00a0", want: "/*\n * tab\n * end\n */" },
    { style: "jsdoc-line", given: "é → ≤\nok", want: "/**\n * é → ≤\n * ok\n */" },
    { style: "c", given: "a\rb\r\nc\u2028d\u2029e\u0085f", want: "/*\n * a\n * b\n * c\n * d\n * e\n * f\n */" },
    { style: "jsdoc-line", given: "bell\u0007 esc\u001b[31m del\u007f c1\u009b", want: "/** bell\\x07 esc\\x1b[31m del\\x7f c1\\x9b */" },
  ];
  it.each(CASES)("$style: $given", ({ style, given, want }) => {
    expect(new SourceWriter().docComment(given, style).toString()).toBe(`${want}\n`);
    const indented = want === "" ? "" : want.split("\n").map((l) => `    ${l}`).join("\n");
    const w = new SourceWriter();
    w.indented(() => w.indented(() => w.docComment(given, style)));
    expect(w.toString()).toBe(`${indented}\n`);
  });
});
