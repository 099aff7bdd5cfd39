// cDocComment's fast path must write exactly what the general path writes.
import { describe, expect, it } from "vitest";
import { cComment } from "../../ir/names.ts";
import { formatComment } from "../writer.ts";
import { cDocComment, isPlainCLine } from "./comment.ts";

/** The reference: the whole text escaped, trimmed and split by the general path. */
function reference(doc: string, notes: string[], indent: string): string {
  const text = doc === "" ? notes.join("\n") : `${doc}\n\n${notes.join("\n")}`;
  return formatComment(cComment(text), "c", indent);
}

const DOCS = ["", "Adds.", "Two lines.\nSecond one.", "Blank\n\nin between", "ends */ early", "/* opens", "what??!", "trailing  \nspaces\t", "  leading", "é and → ≤", "a\r\nb", "x\u2028y"];
const NOTES: string[][] = [
  [],
  ["wasm:   (import \"env\" \"f\" (func (param i32) (result i32 i32)))", "native: 2 results, written to *out (out-pointer rule) before returning."],
  ["The results of env.f, written by env_f() through `out`."],
  ["a */ b"],
  ["/* c"],
  ["d ?? e"],
  [" leading"],
  ["trailing "],
  ["é"],
  ["ok", ""],
  ["one", "two", "three"],
];

describe("cDocComment", () => {
  for (const indent of ["", "  "]) {
    it(`writes what formatComment(cComment(…)) writes, indent ${JSON.stringify(indent)}`, () => {
      for (const doc of DOCS) {
        for (const notes of NOTES) {
          expect(cDocComment(doc, notes, indent), JSON.stringify({ doc, notes })).toBe(reference(doc, notes, indent));
        }
      }
    });
  }

  it("calls a line plain only when nothing would change it", () => {
    expect(isPlainCLine("native: one result, returned directly.")).toBe(true);
    expect(isPlainCLine("*out and a/b and ?x")).toBe(true);
    for (const s of ["", " a", "a ", "a */", "/* a", "a ?? b", "tab\there", "é", "a\nb"]) expect(isPlainCLine(s), JSON.stringify(s)).toBe(false);
  });
});
