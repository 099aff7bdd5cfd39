// SourceWriter: the fast paths (plain lines, whole blocks) must write exactly
// what one trimmed, indented entry per line would.
import { describe, expect, it } from "vitest";
import { cComment } from "../ir/names.ts";
import { formatComment, isPlainCommentName, SourceWriter } from "./writer.ts";

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

  it("writes thousands of lines, blanks and blocks across its internal chunks like the reference", () => {
    // A deterministic mix (linear congruential generator), long enough to cross many chunk boundaries.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 10;
    const texts: string[] = [];
    const w = new SourceWriter();
    for (let i = 0; i < 6000; i++) {
      const r = next();
      if (r === 0) {
        w.blank();
        // blank() writes a line only after a non-blank one.
        const prev = texts.flatMap((t) => t.split("\n"));
        if (prev.length > 0 && prev[prev.length - 1] !== "") texts.push("");
      } else {
        const text = r === 1 ? "" : r === 2 ? `block ${i}\n\n  inner ${i}\n` : r === 3 ? `trailing ${i}  ` : `line ${i}`;
        w.line(text);
        texts.push(text);
      }
    }
    expect(w.toString()).toBe(reference(texts, 0));
  });

  it("blank() sees the last line of a block", () => {
    const w = new SourceWriter();
    w.line("a\nb\n").blank().line("c");
    w.line("d\ne").blank().blank().line("f");
    expect(w.toString()).toBe("a\nb\n\nc\nd\ne\n\nf\n");
  });

  it("within() adds any prefix, and indented() nests inside it", () => {
    const w = new SourceWriter();
    w.line("a").within("\t ", () => w.line("b").indented(() => w.line("c\n\nd")).line("")).line("e");
    expect(w.toString()).toBe("a\n\t b\n\t   c\n\n\t   d\n\ne\n");
  });

  it("restores the indentation after indented() throws", () => {
    const w = new SourceWriter();
    expect(() => w.indented(() => { throw new Error("x"); })).toThrow("x");
    w.line("a");
    expect(w.toString()).toBe("a\n");
  });
});

describe("formatComment and raw", () => {
  /** The reference: the comment written line by line through line(), as docComment did before raw(). */
  function viaLines(text: string, style: "c" | "jsdoc" | "jsdoc-line", depth: number): string {
    const w = new SourceWriter();
    const write = () => {
      const body = text.replace(/\*\//g, "* /").trim();
      if (body === "") return;
      if (!body.includes("\n") && style !== "jsdoc") w.line(style === "c" ? `/* ${body} */` : `/** ${body} */`);
      else {
        w.line(style === "c" ? "/*" : "/**");
        for (const l of body.split("\n")) w.line(l.trimEnd() === "" ? " *" : ` * ${l.trimEnd()}`);
        w.line(" */");
      }
    };
    if (depth === 0) write();
    else w.indented(() => w.indented(write));
    return w.toString();
  }

  const TEXTS = ["", "  ", "Adds.", "  padded  ", "a\nb", "a\n\n  b  \n", "ends */ early", "x */\n*/ y", "tab\t\nend\u00a0", "é → ≤\nok"];
  for (const style of ["c", "jsdoc", "jsdoc-line"] as const) {
    for (const depth of [0, 2]) {
      it(`docComment(…, "${style}") at depth ${depth} writes what line() per line writes`, () => {
        for (const text of TEXTS) {
          const w = new SourceWriter();
          const write = () => w.docComment(text, style);
          if (depth === 0) write();
          else w.indented(() => w.indented(write));
          expect(w.toString(), JSON.stringify(text)).toBe(viaLines(text, style, depth));
        }
      });
    }
  }

  it("raw() appends pre-indented blocks that blank() and toString() treat as lines", () => {
    const w = new SourceWriter();
    w.line("a");
    w.indented(() => w.raw(`${w.indentation}b\n${w.indentation}c`).raw(""));
    w.blank().line("d");
    expect(w.toString()).toBe("a\n  b\n  c\n\nd\n");
  });

  it("raw() blocks across chunk boundaries join like lines", () => {
    const w = new SourceWriter();
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 3 === 0) {
        w.raw(`x${i}\ny${i}`);
        want.push(`x${i}`, `y${i}`);
      } else {
        w.line(`l${i}`);
        want.push(`l${i}`);
      }
    }
    expect(w.toString()).toBe(`${want.join("\n")}\n`);
  });
});

describe("isPlainCommentName", () => {
  const NAMES = ["env", "my-lib.v2", "@acme/clock", "a*/b", "x/*y", "q??", "what?", "tab\t", "line\nbreak", "é", "\u2028", "we\"ird", "sp ace", ""];
  it("accepts only names that neither comment style would change", () => {
    let plain = 0;
    for (const name of NAMES) {
      if (!isPlainCommentName(name)) continue;
      plain++;
      expect(formatComment(`a ${name} b`, "jsdoc-line", "  ")).toBe(`  /** a ${name} b */`);
      expect(cComment(`a ${name} b`)).toBe(`a ${name} b`);
    }
    expect(plain).toBe(5);
    expect(isPlainCommentName("wasi:io/streams")).toBe(false);
  });
});
