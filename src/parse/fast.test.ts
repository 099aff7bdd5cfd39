// The fast path against the compiler-based path. The one property: for every
// input, parseFast either declines (undefined) or returns exactly what the slow
// path returns (same JSON, so same keys, order and values) — and never accepts
// an input the slow path rejects. Checked on every declaration source the
// repository has, on fuzzed files, and on thousands of seeded mutants; and
// parseDeclarations (which now tries the fast path first) still agrees with
// the slow path everywhere, errors included.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthDeclarations } from "../../bench/codegen/synth.ts";
import { Prng } from "../../test/fuzz/prng.ts";
import { declarationText, randomSignature } from "../../test/fuzz/signature.ts";
import { parseFastStrict } from "./_fast.ts";
import { sourcesInTestFile } from "./_test_sources.ts";
import { parseDeclarations, parseWithCompiler } from "./mod.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Every `.d.ts` under `dir` (recursively), as [path, text]. */
function dtsFiles(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory() && e.name !== "node_modules") out.push(...dtsFiles(rel));
    else if (e.name.endsWith(".d.ts")) out.push([rel, readFileSync(join(ROOT, rel), "utf8")]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The slow path's answer: its JSON, or the error message it throws. */
function slow(text: string): { json?: string; error?: string } {
  try {
    return { json: JSON.stringify(parseWithCompiler(text, "in.d.ts")) };
  } catch (e) {
    return { error: String(e) };
  }
}

/** Checks the property on `text`; true when the fast path accepted it. */
function agrees(text: string, what: string): boolean {
  const fast = parseFastStrict(text, "in.d.ts");
  if (fast === undefined) return false;
  const want = slow(text);
  if (want.json !== JSON.stringify(fast)) {
    throw new Error(`fast path accepted ${what} but differs from the slow path (${want.error ?? "other IR"}):\n${text}`);
  }
  return true;
}

/** parseDeclarations gives what the slow path gives, result or error. */
function sameThroughMod(text: string): void {
  const want = slow(text);
  let got: { json?: string; error?: string };
  try {
    got = { json: JSON.stringify(parseDeclarations(text, "in.d.ts")) };
  } catch (e) {
    got = { error: String(e) };
  }
  expect(got).toEqual(want);
}

function fuzzFiles(seed: number, files: number): string[] {
  const rng = new Prng(seed);
  const out: string[] = [];
  for (let f = 0; f < files; f++) {
    const sigs = Array.from({ length: 1 + rng.int(12) }, (_, i) => randomSignature(rng, `f${i}`));
    out.push(declarationText(sigs));
  }
  return out;
}

const EXAMPLES = [...dtsFiles("examples"), ...dtsFiles("test/fixtures"), ...dtsFiles("test/fuzz")];
const BAD = dtsFiles("test/bad");
const TEST_SOURCES = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".test.ts") && f !== "fast.test.ts")
  .flatMap((f) => sourcesInTestFile(readFileSync(join(import.meta.dirname, f), "utf8")))
  .flatMap((s) => [s, `declare namespace env {\n${s}\n}`]);
const SYNTH = [synthDeclarations(100), synthDeclarations(1000)];
const FUZZ = [1, 2, 3, 4].flatMap((seed) => fuzzFiles(seed, 25));

/** Files the fast path is expected to decline (none: every example and fixture goes fast). */
const DECLINED_EXAMPLES = new Set<string>([]);

describe("parseFast: accepts the common inputs, exactly as the slow path reads them", () => {
  it.each(EXAMPLES)("%s", (path, text) => {
    expect(agrees(text, path)).toBe(!DECLINED_EXAMPLES.has(path));
  });
  it("the synthetic benchmark inputs (100 and 1,000 imports), also with CRLF line ends", () => {
    for (const text of SYNTH) {
      expect(agrees(text, "synth")).toBe(true);
      expect(agrees(text.replaceAll("\n", "\r\n"), "synth CRLF")).toBe(true);
    }
  });
  it("fuzzer declaration files (seeds 1-4)", () => {
    for (const text of FUZZ) expect(agrees(text, "fuzz file")).toBe(true);
  });
  it("every source string of the parser's tests (and each wrapped in a namespace)", () => {
    let accepted = 0;
    for (const text of TEST_SOURCES) if (agrees(text, "test source")) accepted++;
    // Most of them are errors or unusual forms; the common ones must go fast.
    expect(accepted).toBeGreaterThan(40);
  });
});

describe("parseFast: declines every bad-corpus file the slow path rejects", () => {
  it.each(BAD)("%s", (path, text) => {
    const fast = parseFastStrict(text, "in.d.ts");
    if (slow(text).error !== undefined) expect(fast).toBeUndefined();
    else agrees(text, path);
  });
});

/** Snippets that probe the corners of the subset (and of the compiler). */
const TRICKY = [
  "/*", "*/", "/** @noctx */", "/** @symbol x */", "@symbol x", "?", "...", "readonly ", "type i32 = number;",
  "this: i32,", "<T>", "\r\n", "\r", '"\u00e9"', "\u00e9", "\u00a0", "x\u00e9", "export {}", ";", 'declare module "a.b" {',
  "function f(): void;", "}", "{", "(", ")", "[", "]", ",", ":", "=", "\n", "//", "`", "{@link x}", "\u2028",
  "type Q = [a: i32, b: i32];", "type V = void;", "type R = Q;", "import type { i32 as Int } from \"hostbind\";",
  "Int", "Q", "V", "R", "export ", "declare ", "namespace n {", "module ", "async ", "*", ".", "|", "a.b", "0",
  "\\u0061", "'", '"', "default", "new", "number", "void", "[]", "readonly [i32]", "@", "/** @symbol a b */",
  " @noctx", " @symbol y", "@ x", "a@b", "/** Text. @symbol s @noctx */", "/** T @noctx @symbol a @symbol b */", " @param p",
  "/** `a @noctx` @symbol s */", "/** x @symbol `s` */", "/** [0, 1) @noctx */", "a @b", "\t@noctx", "/**@noctx */",
];

/** `text` with one random mutation: a token or character range deleted, duplicated or swapped, or a snippet inserted. */
function mutate(rng: Prng, text: string): string {
  const tokens = text.match(/\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|[A-Za-z_$][\w$]*|"[^"\n]*"|[^\sA-Za-z_$]/g) ?? [text];
  const t = rng.int(tokens.length);
  switch (rng.int(6)) {
    case 0:
      tokens.splice(t, 1);
      return tokens.join("");
    case 1:
      tokens.splice(t, 0, tokens[t]!);
      return tokens.join("");
    case 2: {
      const u = rng.int(tokens.length);
      [tokens[t], tokens[u]] = [tokens[u]!, tokens[t]!];
      return tokens.join("");
    }
    case 3: {
      const at = rng.int(text.length);
      return text.slice(0, at) + text.slice(at + 1 + rng.int(12));
    }
    case 4: {
      const lines = text.split("\n");
      const l = rng.int(lines.length);
      lines.splice(l, 0, lines[l]!);
      return lines.join("\n");
    }
    default:
      tokens.splice(t, 0, rng.pick(TRICKY));
      return tokens.join("");
  }
}

describe("parseFast: seeded mutation fuzzing", () => {
  const SEED = Number(process.env.FAST_SEED ?? 20250611);
  const CASES = Number(process.env.FAST_CASES ?? 4000);
  it(`${CASES} mutants (seed ${SEED}): the fast path accepts only what the slow path reads the same`, () => {
    const rng = new Prng(SEED);
    const bases = [...EXAMPLES.map(([, t]) => t), synthDeclarations(30), ...FUZZ.slice(0, 20)];
    let fastAccepted = 0;
    let slowAccepted = 0;
    for (let i = 0; i < CASES; i++) {
      let text = rng.pick(bases);
      // One to three mutations, so some mutants stay valid and some go far.
      for (let k = 1 + rng.int(3); k > 0; k--) text = mutate(rng, text);
      if (slow(text).json !== undefined) slowAccepted++;
      try {
        if (agrees(text, `mutant ${i}`)) fastAccepted++;
      } catch (e) {
        throw new Error(`seed ${SEED}, mutant ${i}: ${(e as Error).message}`);
      }
    }
    console.log(`mutants: ${CASES}, slow path accepted ${slowAccepted}, fast path accepted ${fastAccepted}`);
    // The test only means something if many mutants are valid and many of those go fast.
    expect(fastAccepted).toBeGreaterThan(CASES / 10);
  });
});

describe("parseDeclarations (fast path first) gives what the slow path gives, errors included", () => {
  it("on every corpus input", () => {
    for (const text of [...EXAMPLES.map(([, t]) => t), ...BAD.map(([, t]) => t), ...SYNTH, ...FUZZ, ...TEST_SOURCES]) sameThroughMod(text);
  });
});
