// cDocComment's fast path must write exactly what the general path writes.
import { describe, expect, it } from "vitest";
import { cComment } from "../../ir/names.ts";
import { formatComment } from "../writer.ts";
import { cDocComment, isPlainCLine, namesArePlain } from "./comment.ts";
import { wasmImportText } from "./prototype.ts";
import type { ImportFunction } from "../../ir/types.ts";

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

describe("namesArePlain", () => {
  const NAMES = ["env", "divmod", "my-lib.v2", "@acme/clock", "wasi:random/random@0.2.0", "a*/b", "q??", "tab\t", "é", "we\"ird", "back\\slash", "sp ace", " lead", "trail ", ""];
  it("vouches only for names whose notes are plain lines (what the header relies on)", () => {
    let vouched = 0;
    for (const module of NAMES) {
      for (const name of NAMES) {
        if (!namesArePlain(module, name)) continue;
        vouched++;
        const fn: ImportFunction = { module, name, symbol: "s", symbolExplicit: false, params: [], results: [], noctx: false, doc: "", location: { file: "f", line: 1, column: 1 } };
        expect(isPlainCLine(`wasm:   ${wasmImportText(fn)}`), JSON.stringify([module, name])).toBe(true);
        expect(isPlainCLine(`The results of ${module}.${name}, written by s() through \`out\`.`), JSON.stringify([module, name])).toBe(true);
      }
    }
    expect(vouched).toBeGreaterThan(20);
    expect(namesArePlain("wasi:io/streams", "read")).toBe(false);
  });
});
