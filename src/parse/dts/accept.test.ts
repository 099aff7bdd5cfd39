// Every declaration form the parser accepts, table-driven: given a source, want the imports.
import { describe, expect, it } from "vitest";
import { readDts } from "./mod.ts";
import { FILE, parseValid, signatures } from "../../../test/support/parse.ts";

const DOCS_EXAMPLE = `import type { f64, i32, i64 } from "hostbind";

/** Functions the guest imports from "env". */
export declare namespace env {
  /** Integer division: quotient and remainder. */
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function now(): f64;
}

declare module "math-lib" {            // module names that are not identifiers
  /** @symbol hypot @noctx */
  export function hypot(x: f64, y: f64): f64;
}
`;

describe("readDts: the docs/declarations.md §1 example", () => {
  it("gives the full IR", () => {
    const loc = (line: number, column: number) => ({ file: FILE, line, column });
    expect(parseValid(DOCS_EXAMPLE)).toEqual({
      file: FILE,
      modules: [
        {
          name: "env",
          doc: 'Functions the guest imports from "env".',
          location: loc(4, 26),
          functions: [
            {
              module: "env", name: "divmod", symbol: "env_divmod", symbolExplicit: false,
              params: [{ name: "a", type: "i32" }, { name: "b", type: "i32" }],
              results: [{ name: "quot", type: "i32", labelled: true }, { name: "rem", type: "i32", labelled: true }],
              noctx: false, async: false, doc: "Integer division: quotient and remainder.", location: loc(6, 12),
            },
            {
              module: "env", name: "now", symbol: "env_now", symbolExplicit: false, params: [],
              results: [{ name: "f0", type: "f64", labelled: false }],
              noctx: false, async: false, doc: "", location: loc(7, 12),
            },
          ],
        },
        {
          name: "math-lib",
          doc: "",
          location: loc(10, 16),
          functions: [
            {
              module: "math-lib", name: "hypot", symbol: "hypot", symbolExplicit: true,
              params: [{ name: "x", type: "f64" }, { name: "y", type: "f64" }],
              results: [{ name: "f0", type: "f64", labelled: false }],
              noctx: true, async: false, doc: "", location: loc(12, 19),
            },
          ],
        },
      ],
    });
  });

  it("gives plain data that survives a JSON round trip (no ts-morph objects)", () => {
    const decls = readDts(DOCS_EXAMPLE, FILE);
    expect(JSON.parse(JSON.stringify(decls))).toEqual(decls);
  });
});

const ACCEPTED: { name: string; given: string; want: string[] }[] = [
  { name: "plain namespace", given: "namespace env { function f(): void; }", want: ["env.f() -> void as env_f"] },
  { name: "declare namespace", given: "declare namespace env { function f(): void; }", want: ["env.f() -> void as env_f"] },
  { name: "export declare namespace, exported function", given: "export declare namespace env { export function f(): void; }", want: ["env.f() -> void as env_f"] },
  { name: "ambient module with a non-identifier name", given: 'declare module "wasi_snapshot_preview1" { function fd_close(fd: i32): i32; }', want: ["wasi_snapshot_preview1.fd_close(fd: i32) -> i32 as wasi_snapshot_preview1_fd_close"] },
  { name: "module name spelled exactly, escaped for the symbol", given: "declare module 'my-lib.v2' { function do_thing(): void; }", want: ["my-lib.v2.do_thing() -> void as my_lib_v2_do_thing"] },
  { name: "every value type", given: "namespace m { function f(a: i32, b: u32, c: i64, d: u64, e: f32, g: f64): void; }", want: ["m.f(a: i32, b: u32, c: i64, d: u64, e: f32, g: f64) -> void as m_f"] },
  { name: "every value type as a result", given: "namespace m { function f(): [i32, u32, i64, u64, f32, f64]; }", want: ["m.f() -> [i32, u32, i64, u64, f32, f64] as m_f"] },
  { name: "void and the empty tuple are no results", given: "namespace m { function a(): void; function b(): []; }", want: ["m.a() -> void as m_a", "m.b() -> void as m_b"] },
  { name: "one-element tuples are a single result", given: "namespace m { function a(): [x: i64]; function b(): [f32]; }", want: ["m.a() -> [x: i64] as m_a", "m.b() -> f32 as m_b"] },
  { name: "unlabelled tuples are named by position", given: "namespace m { function f(): [i32, f64, i32]; }", want: ["m.f() -> [i32, f64, i32] as m_f"] },
  { name: "readonly tuples", given: "namespace m { function f(): readonly [a: i32, b: i32]; }", want: ["m.f() -> [a: i32, b: i32] as m_f"] },
  { name: "parenthesized types", given: "namespace m { function f(a: (i32), b: ((u64))): ([q: i32, r: (i32)]); }", want: ["m.f(a: i32, b: u64) -> [q: i32, r: i32] as m_f"] },
  { name: "type aliases, recursively", given: "type A = B; type B = (C); type C = f32;\nnamespace m { function f(a: A): A; }", want: ["m.f(a: f32) -> f32 as m_f"] },
  { name: "an alias of a named tuple gives its labels", given: "type DivMod = [quot: i32, rem: i32];\nnamespace m { function f(a: i32, b: i32): DivMod; }", want: ["m.f(a: i32, b: i32) -> [quot: i32, rem: i32] as m_f"] },
  { name: "aliases inside tuples", given: "type Ptr = u32; type Len = u32;\nnamespace m { function f(): [ptr: Ptr, len: Len]; }", want: ["m.f() -> [ptr: u32, len: u32] as m_f"] },
  { name: "an alias of void", given: "type Nothing = void;\nnamespace m { function f(): Nothing; }", want: ["m.f() -> void as m_f"] },
  { name: "aliases declared after use and inside the module", given: "namespace m { function f(a: Handle): Handle; type Handle = Id; }\ntype Id = u32;", want: ["m.f(a: u32) -> u32 as m_f"] },
  { name: "a module's alias shadows a top-level one", given: "type T = i32;\nnamespace m { type T = f64; function f(a: T): void; }\nnamespace n { function g(a: T): void; }", want: ["m.f(a: f64) -> void as m_f", "n.g(a: i32) -> void as n_g"] },
  { name: "local definitions of the value type names", given: "type i32 = number; type i64 = bigint;\nnamespace m { function f(a: i32): i64; }", want: ["m.f(a: i32) -> i64 as m_f"] },
  { name: "escapes in a function name are resolved", given: "namespace m { function \\u0066oo(a: i32): void; }", want: ["m.foo(a: i32) -> void as m_foo"] },
  { name: "@name gives a wasm name that is not an identifier", given: "namespace env {\n  /** @name console.log */\n  function console_log(p0: u32): void;\n}", want: ["env.console.log(p0: u32) -> void as env_console_log"] },
  { name: "renamed imports from hostbind", given: 'import type { i32 as Int, f64 as Float } from "hostbind";\nnamespace m { function f(a: Int): Float; }', want: ["m.f(a: i32) -> f64 as m_f"] },
  { name: "namespace import from hostbind/types", given: 'import type * as hb from "hostbind/types";\nnamespace m { function f(a: hb.u32): hb.i64; }', want: ["m.f(a: u32) -> i64 as m_f"] },
  { name: "imports from hostbind inside a module", given: 'declare module "m" { import type { u64 as U } from "hostbind"; function f(): U; }', want: ["m.f() -> u64 as m_f"] },
  { name: "several modules in one file, in order", given: "namespace b { function x(): void; }\ndeclare module \"a\" { function y(): void; }", want: ["b.x() -> void as b_x", "a.y() -> void as a_y"] },
  { name: "blocks of the same name merge", given: "namespace env { function a(): void; }\ndeclare module \"env\" { function b(): void; }\nnamespace env { function c(): void; }", want: ["env.a() -> void as env_a", "env.b() -> void as env_b", "env.c() -> void as env_c"] },
  { name: "export {} and empty statements at the top level", given: "export {};\n;\nnamespace m { function f(): void; ; }", want: ["m.f() -> void as m_f"] },
  { name: "keyword parameter names and labels are kept (layout renames them)", given: "namespace m { function f(int: i32, char: i32): [double: f64, struct: f64]; }", want: ["m.f(int: i32, char: i32) -> [double: f64, struct: f64] as m_f"] },
  { name: "@symbol and @noctx", given: "declare module \"libm\" {\n  /** @symbol hypot @noctx */\n  function hypot(x: f64, y: f64): f64;\n}", want: ["libm.hypot(x: f64, y: f64) -> f64 as hypot noctx"] },
  { name: "the old `module` keyword for namespaces", given: "module env { function f(): void; }", want: ["env.f() -> void as env_f"] },
  {
    name: "Promise<T> results: async imports",
    given: "type Pair = [q: i32, r: i32];\nnamespace io { function a(): Promise<void>; function b(s: string): Promise<u32>; function c(): Promise<Pair>; function d(): Promise<[]>; function e(p: string): Promise<Uint8Array>; }",
    want: ["io.a() -> Promise<void> as io_a", "io.b(s: string) -> Promise<u32> as io_b", "io.c() -> Promise<[q: i32, r: i32]> as io_c", "io.d() -> Promise<void> as io_d", "io.e(p: string) -> Promise<bytes> as io_e"],
  },
];

describe("readDts: accepted forms", () => {
  it.each(ACCEPTED)("$name", ({ given, want }) => {
    expect(signatures(given)).toEqual(want);
  });
});

describe("readDts: locations", () => {
  it("points at the module and function names, 1-based", () => {
    const decls = parseValid("\n  /** docs */\n  export declare namespace env {\n\tfunction   f(): void;\n}\n");
    const mod = decls.modules[0]!;
    expect([mod.location.line, mod.location.column]).toEqual([3, 28]);
    const fn = mod.functions[0]!;
    expect([fn.location.line, fn.location.column]).toEqual([4, 13]);
    expect(fn.location.file).toBe(FILE);
  });
});
