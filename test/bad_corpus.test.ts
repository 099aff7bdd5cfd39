// The bad-input corpus: every file in test/bad/ is a small declaration file with one
// mistake. Its first line is `// expect: <part of the error message>`, its second
// `// at: LINE:COL`. Each must be rejected with exactly one located HostbindError
// that says what to do (a `help:` line), and nothing else may escape.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HostbindError, HostbindErrors } from "../src/errors.ts";
import { validateDeclarations } from "../src/ir/validate.ts";
import { readDts } from "../src/parse/mod.ts";

const DIR = join(import.meta.dirname, "bad");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".d.ts")).sort();

/** The two header lines of a corpus file. */
function header(source: string): { expect: string; line: number; column: number } {
  const [first = "", second = ""] = source.split("\n");
  const e = /^\/\/ expect: (.+)$/.exec(first);
  const a = /^\/\/ at: (\d+):(\d+)$/.exec(second);
  if (!e || !a) throw new Error("a corpus file starts with `// expect: …` and `// at: LINE:COL`");
  return { expect: e[1]!, line: Number(a[1]), column: Number(a[2]) };
}

function rejection(source: string, file: string): unknown {
  try {
    validateDeclarations(readDts(source, file));
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("test/bad corpus", () => {
  it("has at least 45 cases, named NN-short-name.d.ts with unique numbers", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(45);
    for (const f of FILES) expect(f).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.d\.ts$/);
    const numbers = FILES.map((f) => f.slice(0, 2));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(FILES)("%s", (name) => {
    const source = readFileSync(join(DIR, name), "utf8");
    const want = header(source);
    const error = rejection(source, `test/bad/${name}`);
    expect(error).toBeInstanceOf(HostbindError);
    const err = error as HostbindError;
    // One mistake per file: a corpus case that trips several checks tests none of them well.
    expect(err instanceof HostbindErrors ? err.errors.map((e) => e.message) : [err.message]).toHaveLength(1);
    expect(err.message).toContain(want.expect);
    expect(err.location).toEqual({ file: `test/bad/${name}`, line: want.line, column: want.column });
    const text = err.format();
    expect(text.startsWith(`test/bad/${name}:${want.line}:${want.column}: error: `)).toBe(true);
    expect(text).toMatch(/\n {2}help: \S/);
  });
});
