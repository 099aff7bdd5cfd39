// JSDoc: descriptions become `doc`, `@symbol` and `@noctx` set the symbol and the ctx flag.
import { describe, expect, it } from "vitest";
import { parseValid } from "../../../test/support/parse.ts";

function only(source: string) {
  const mod = parseValid(source).modules[0]!;
  const fn = mod.functions[0]!;
  return { moduleDoc: mod.doc, doc: fn.doc, symbol: fn.symbol, symbolExplicit: fn.symbolExplicit, noctx: fn.noctx };
}

const CASES: { name: string; given: string; want: ReturnType<typeof only> }[] = [
  {
    name: "lone CR, U+2028 and U+2029 line ends in a description",
    given: "namespace env {\r  /**\r   * One.\r   * Two.\u2028   * Three.\u2029   * Four.\r   */\r  function f(): void;\r}",
    want: { moduleDoc: "", doc: "One.\nTwo.\nThree.\nFour.", symbol: "env_f", symbolExplicit: false, noctx: false },
  },
  {
    name: "no JSDoc",
    given: "namespace env {\n  // a line comment is not documentation\n  function f(): void;\n}",
    want: { moduleDoc: "", doc: "", symbol: "env_f", symbolExplicit: false, noctx: false },
  },
  {
    name: "one-line description on module and function",
    given: "/** The host. */\nnamespace env {\n  /**   Does f.   */\n  function f(): void;\n}",
    want: { moduleDoc: "The host.", doc: "Does f.", symbol: "env_f", symbolExplicit: false, noctx: false },
  },
  {
    name: "multi-line description keeps paragraphs, drops tags",
    given: [
      "namespace env {",
      "  /**",
      "   * Reads a clock.",
      "   * Monotonic.",
      "   *",
      "   * Second paragraph.",
      "   * @param id which clock",
      "   * @returns nanoseconds",
      "   */",
      "  function f(id: i32): u64;",
      "}",
    ].join("\n"),
    want: { moduleDoc: "", doc: "Reads a clock.\nMonotonic.\n\nSecond paragraph.", symbol: "env_f", symbolExplicit: false, noctx: false },
  },
  {
    name: "@symbol and @noctx on one line",
    given: 'declare module "libm" {\n  /** @symbol hypot @noctx */\n  function h(x: f64, y: f64): f64;\n}',
    want: { moduleDoc: "", doc: "", symbol: "hypot", symbolExplicit: true, noctx: true },
  },
  {
    name: "tags on their own lines after a description",
    given: "namespace env {\n  /**\n   * Frees a buffer.\n   * @symbol my_free\n   */\n  function free(p: u32): void;\n}",
    want: { moduleDoc: "", doc: "Frees a buffer.", symbol: "my_free", symbolExplicit: true, noctx: false },
  },
  {
    name: "an explicit symbol equal to the default still counts as explicit",
    given: "namespace env {\n  /** @symbol env_f */\n  function f(): void;\n}",
    want: { moduleDoc: "", doc: "", symbol: "env_f", symbolExplicit: true, noctx: false },
  },
  {
    name: "the JSDoc nearest the declaration is its documentation",
    given: "namespace env {\n  /** Old text. */\n  /** New text. @noctx */\n  function f(): void;\n}",
    want: { moduleDoc: "", doc: "New text.", symbol: "env_f", symbolExplicit: false, noctx: true },
  },
  {
    name: "other tags are ignored",
    given: "namespace env {\n  /** Gone. @deprecated use g @see g */\n  function f(): void;\n}",
    want: { moduleDoc: "", doc: "Gone.", symbol: "env_f", symbolExplicit: false, noctx: false },
  },
];

describe("readDts: JSDoc", () => {
  it.each(CASES)("$name", ({ given, want }) => {
    expect(only(given)).toEqual(want);
  });

  it("merged modules join their descriptions", () => {
    const decls = parseValid("/** One. */\nnamespace env { function a(): void; }\n/** Two. */\nnamespace env { function b(): void; }");
    expect(decls.modules.map((m) => m.doc)).toEqual(["One.\n\nTwo."]);
  });
});
