// validateDeclarations on hand-built IR (as any input, TS or .wasm, would produce it)
// and on parsed sources: given the declarations, want these errors at these places.
import { describe, expect, it } from "vitest";
import { HostbindError } from "../errors.ts";
import { parseValid, problems, problemsOf } from "../../test/support/parse.ts";
import type { Declarations, ImportFunction, Result, ValueType } from "./types.ts";
import { symbolWarnings, validateDeclarations } from "./validate.ts";
import { defaultSymbol } from "./names.ts";

let line = 0;

/** One import at the next line; `symbol` given means an explicit `@symbol`. */
function fn(module: string, name: string, o: { symbol?: string; params?: string[]; results?: (string | ValueType)[] } = {}): ImportFunction {
  line += 1;
  const results: Result[] = (o.results ?? []).map((r, i) => ({ name: r.includes(":") ? r.split(":")[0]! : `f${i}`, type: "i32", labelled: r.includes(":") }));
  return {
    module, name,
    symbol: o.symbol ?? defaultSymbol(module, name), symbolExplicit: o.symbol !== undefined,
    params: (o.params ?? []).map((p) => ({ name: p, type: "i32" as const })),
    results, noctx: false, async: false, doc: "",
    location: { file: "m.wasm", line, column: 1 },
  };
}

/** Declarations with one module per distinct module name, in first-seen order. */
function decls(...fns: ImportFunction[]): Declarations {
  const modules = [...new Set(fns.map((f) => f.module))].map((name, i) => ({
    name, doc: "", location: { file: "m.wasm", line: 100 + i, column: 1 },
    functions: fns.filter((f) => f.module === name),
  }));
  return { file: "m.wasm", modules };
}

function check(d: Declarations): string[] {
  try {
    validateDeclarations(d);
    return [];
  } catch (e) {
    if (!(e instanceof HostbindError)) throw e;
    return problemsOf(() => { throw e; }).map((p) => `${p.at} ${p.message}`);
  }
}

const CASES: { name: string; given: () => Declarations; want: string[] }[] = [
  { name: "valid imports", given: () => decls(fn("env", "a", { results: ["q:", "r:"] }), fn("env", "b", { params: ["int", "char"] })), want: [] },
  { name: "no modules", given: () => ({ file: "m.d.ts", modules: [] }), want: ["1:1 No import modules declared in m.d.ts"] },
  { name: "a module that imports no functions", given: () => ({ file: "m.wasm", modules: [], otherImports: [{ module: "env", name: "memory", kind: "memory" }] }), want: ["1:1 Nothing for hostbind to serve: m.wasm imports no functions native code can serve (only memory `env.memory`)"] },
  { name: "every function module excluded", given: () => ({ file: "m.wasm", modules: [], excludedModules: ["wasi_snapshot_preview1"] }), want: ["1:1 Nothing for hostbind to serve: every function import of m.wasm is left to the host application (module `wasi_snapshot_preview1`)"] },
  { name: "a module with no functions", given: () => ({ file: "m.wasm", modules: [{ name: "env", doc: "", location: { file: "m.wasm", line: 4, column: 2 }, functions: [] }] }), want: ["4:2 Module `env` declares no functions"] },
  { name: "keyword symbol", given: () => decls(fn("x", "y", { symbol: "int" })), want: ["1:1 Invalid C symbol `int` for `x.y` (given by `@symbol`): it is a C/C++ keyword"] },
  { name: "symbol with a leading digit", given: () => decls(fn("3d", "draw")), want: ["1:1 Invalid C symbol `3d_draw` for `3d.draw` (derived from the module and function names): it starts with a digit"] },
  { name: "symbol with invalid characters", given: () => decls(fn("env", "f", { symbol: "my-f" })), want: ["1:1 Invalid C symbol `my-f`"] },
  { name: "a symbol C merely reserves is accepted", given: () => decls(fn("env", "f", { symbol: "my__f" }), fn("__wbindgen_placeholder__", "_x")), want: [] },
  { name: "reserved symbol (header name)", given: () => decls(fn("env", "f", { symbol: "hostbind_trap" })), want: ["1:1 Invalid C symbol `hostbind_trap`"] },
  { name: "two imports, one default symbol", given: () => decls(fn("a-b", "c"), fn("a", "b_c")), want: ["2:1 C symbol `a_b_c` of `a.b_c` collides with the C symbol `a_b_c` of `a-b.c`"] },
  { name: "explicit symbol equal to another default", given: () => decls(fn("env", "f"), fn("env", "g", { symbol: "env_f" })), want: ["2:1 C symbol `env_f` of `env.g` collides with the C symbol `env_f` of `env.f`"] },
  { name: "symbol equal to another import's result struct", given: () => decls(fn("env", "f_result"), fn("env", "f", { results: ["a:", "b:"] })), want: ["1:1 C symbol `env_f_result` of `env.f_result` collides with the result struct `env_f_result` of `env.f`"] },
  { name: "a single-result import has no result struct", given: () => decls(fn("env", "f_result"), fn("env", "f", { results: ["a:"] })), want: [] },
  { name: "the same import twice", given: () => decls(fn("env", "f"), fn("env", "f", { symbol: "other" })), want: ["2:1 Import `env.f` is declared twice"] },
  { name: "duplicate result labels", given: () => decls(fn("env", "f", { results: ["x:", "x:"] })), want: ["1:1 Result label `x` appears twice in `env.f`"] },
  { name: "duplicate parameter names", given: () => decls(fn("env", "f", { params: ["a", "a"] })), want: ["1:1 Parameter name `a` appears twice in `env.f`"] },
  { name: "keyword parameter names and labels are fine", given: () => decls(fn("env", "f", { params: ["int", "struct"], results: ["double:", "void:"] })), want: [] },
];

describe("validateDeclarations", () => {
  it.each(CASES)("$name", ({ given, want }) => {
    line = 0;
    const got = check(given());
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g.startsWith(want[i]!), `${g}\n  should start with\n${want[i]}`).toBe(true));
  });

  it("reports every problem at once, in source order", () => {
    line = 0;
    const d = decls(fn("env", "a", { symbol: "for" }), fn("env", "f", { params: ["a", "a"] }), fn("env", "g", { symbol: "for" }));
    expect(check(d).map((s) => s.split(" ").slice(0, 2).join(" "))).toEqual(["1:1 Invalid", "2:1 Parameter", "3:1 Invalid", "3:1 C"]);
  });

  it("names both sides of a collision, with a note at the other one and, for a .wasm input, a way to @symbol", () => {
    line = 0;
    try {
      validateDeclarations(decls(fn("a-b", "c"), fn("a", "b_c")));
      expect.unreachable();
    } catch (e) {
      const err = e as HostbindError;
      expect(err.related).toEqual([{ location: { file: "m.wasm", line: 1, column: 1 }, message: "`a-b.c` is declared here" }]);
      expect(err.format()).toContain("help: A .wasm input has no JSDoc: write its declarations with `hostbind declare MODULE.wasm --out MODULE.d.ts`");
    }
  });

  it("warns once about derived symbols C reserves, never about those given by @symbol", () => {
    expect(symbolWarnings(decls(fn("env", "f")))).toEqual([]);
    expect(symbolWarnings(decls(fn("env", "f", { symbol: "__mine" })))).toEqual([]);
    const [w, ...rest] = symbolWarnings(decls(fn("__wbindgen_placeholder__", "a"), fn("env", "_abort_js"), fn("_", "b"), fn("m", "__c")));
    expect(rest).toEqual([]);
    expect(w).toBe("4 C symbol(s) use names C reserves for the implementation (a leading `_` or `__`): `__wbindgen_placeholder___a`, `env__abort_js`, `__b` and 1 more. Every C compiler accepts them, so nothing needs to change (`--symbol-prefix PREFIX` avoids a leading `_`; `@symbol NAME` in a declaration file names one function freely).");
  });
});

describe("validateDeclarations on parsed sources", () => {
  const SOURCES: { name: string; given: string; want: string[] }[] = [
    { name: "empty file", given: "", want: ["1:1 No import modules declared in t.d.ts"] },
    { name: "only comments and aliases", given: "// nothing\ntype T = i32;\n", want: ["1:1 No import modules"] },
    { name: "empty namespace", given: "namespace env {}", want: ["1:11 Module `env` declares no functions"] },
    { name: "keyword function name", given: "namespace x {\n  function int(): void;\n}", want: [] },
    { name: "a default symbol C reserves", given: 'declare module "_" {\n  function Foo(): void;\n}', want: [] },
    { name: "invalid @symbol", given: "namespace env {\n  /** @symbol 9lives */\n  function f(): void;\n}", want: ["3:12 Invalid C symbol `9lives`"] },
    { name: "keyword @symbol", given: "namespace env {\n  /** @symbol while */\n  function f(): void;\n}", want: ["3:12 Invalid C symbol `while`"] },
    { name: "symbol collision across modules", given: 'declare module "a.b" {\n  function c(): void;\n}\nnamespace a_b {\n  function c(): void;\n}', want: ["5:12 C symbol `a_b_c` of `a_b.c` collides"] },
    { name: "duplicate labels", given: "namespace env {\n  function f(): [x: i32, x: i32];\n}", want: ["2:12 Result label `x` appears twice"] },
  ];
  it.each(SOURCES)("$name", ({ given, want }) => {
    if (want.length === 0) {
      expect(() => parseValid(given)).not.toThrow();
      return;
    }
    const got = problems(given).map((p) => `${p.at} ${p.message}`);
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g.startsWith(want[i]!), `${g}\n  should start with\n${want[i]}`).toBe(true));
  });
});
