// Every form the parser rejects, table-driven: given a source, want one error with
// this message fragment at this LINE:COL, and a hint saying what to do.
import { describe, expect, it } from "vitest";
import { HostbindError } from "../../errors.ts";
import { readDts } from "./mod.ts";
import { problems, problemsOf } from "../../../test/support/parse.ts";

const ns = (body: string) => `declare namespace env {\n${body}\n}`;

const REJECTED: { name: string; given: string; want: string; at: string }[] = [
  // Value types
  { name: "boolean", given: ns("  function f(s: boolean): void;"), want: "Unsupported type `boolean` for parameter `s` of `env.f`", at: "2:17" },
  { name: "@allocator on an import", given: ns("  /** @allocator */\n  function malloc(n: u32): u32;"), want: "`@allocator` on import `env.malloc`", at: "3:12" },
  { name: "number", given: ns("  function f(): number;"), want: "Unsupported type `number` for the result of `env.f`", at: "2:17" },
  { name: "bigint", given: ns("  function f(a: bigint): void;"), want: "`bigint`", at: "2:17" },
  { name: "boolean", given: ns("  function f(a: boolean): void;"), want: "`boolean`", at: "2:17" },
  { name: "any", given: ns("  function f(a: any): void;"), want: "`any`", at: "2:17" },
  { name: "unknown", given: ns("  function f(a: unknown): void;"), want: "`unknown`", at: "2:17" },
  { name: "object", given: ns("  function f(a: object): void;"), want: "`object`", at: "2:17" },
  { name: "type literal", given: ns("  function f(a: { x: i32 }): void;"), want: "`{ x: i32 }`", at: "2:17" },
  { name: "union", given: ns("  function f(a: i32 | f64): void;"), want: "`i32 | f64`", at: "2:17" },
  { name: "array", given: ns("  function f(a: i32[]): void;"), want: "`i32[]`", at: "2:17" },
  { name: "Array<T>", given: ns("  function f(a: Array<i32>): void;"), want: "generic types are not supported", at: "2:17" },
  { name: "literal type", given: ns("  function f(a: 1): void;"), want: "`1`", at: "2:17" },
  { name: "function type", given: ns("  function f(cb: () => void): void;"), want: "`() => void`", at: "2:18" },
  { name: "v128", given: ns("  function f(v: v128): void;"), want: "`v128` is not supported", at: "2:17" },
  { name: "externref", given: ns("  function f(): externref;"), want: "`externref` is not supported", at: "2:17" },
  { name: "funcref", given: ns("  function f(r: funcref): void;"), want: "`funcref` is not supported", at: "2:17" },
  { name: "unknown type name", given: ns("  function f(a: Handle): void;"), want: "no type by that name", at: "2:17" },
  { name: "C type name", given: ns("  function f(a: int): void;"), want: "`int`", at: "2:17" },
  { name: "interface used as a type", given: "interface P { x: i32 }\n" + ns("  function f(p: P): void;"), want: "Interface `P` at the top level is not supported", at: "1:11" },
  { name: "bad type through an alias, located in the alias", given: "type Str = boolean;\n" + ns("  function f(s: Str): void;"), want: "(through type alias `Str`)", at: "1:12" },
  { name: "alias cycle", given: "type A = B;\ntype B = A;\n" + ns("  function f(a: A): void;"), want: "type alias `A` refers to itself (A → B → A)", at: "2:10" },
  { name: "alias of another module is not visible", given: "namespace a { type T = i32; function f(): void; }\n" + ns("  function f(x: T): void;"), want: "`T`", at: "3:17" },
  { name: "generic type alias", given: "type Box<T> = T;\n" + ns("  function f(): void;"), want: "Generic type alias `Box`", at: "1:10" },
  { name: "duplicate type alias", given: "type T = i32;\ntype T = f64;\n" + ns("  function f(a: T): void;"), want: "Type alias `T` is declared twice", at: "2:6" },
  { name: "void parameter", given: ns("  function f(a: void): void;"), want: "`void` is only a return type", at: "2:17" },
  { name: "tuple parameter", given: ns("  function f(a: [i32, i32]): void;"), want: "a tuple is only allowed as the return type", at: "2:17" },
  // Async imports
  { name: "Promise parameter", given: ns("  function f(p: Promise<i32>): void;"), want: "generic types are not supported", at: "2:17" },
  { name: "Promise in a tuple", given: ns("  function f(): [a: Promise<i32>];"), want: "generic types are not supported", at: "2:21" },
  { name: "Promise of two types", given: ns("  function f(): Promise<i32, i32>;"), want: "generic types are not supported", at: "2:17" },
  { name: "async @noctx", given: ns("  /** @noctx */\n  function f(): Promise<i32>;"), want: "Async import `env.f` is marked `@noctx`", at: "3:12" },
  // Tuples
  { name: "nested tuple", given: ns("  function f(): [a: i32, b: [i32, i32]];"), want: "nested tuples are not supported", at: "2:29" },
  { name: "nested tuple through an alias", given: "type P = [i32, i32];\n" + ns("  function f(): [i32, P];"), want: "nested tuples", at: "3:23" },
  { name: "string in a tuple", given: ns("  function f(): [ok: i32, s: string];"), want: "Unsupported type `string` for result 1 of `env.f`: a `string` or `Uint8Array` result must be the only result", at: "2:30" },
  { name: "void in a tuple", given: ns("  function f(): [void];"), want: "`void` cannot be a tuple element", at: "2:18" },
  { name: "optional tuple element", given: ns("  function f(): [a: i32, b?: i32];"), want: "Optional element `b?: i32`", at: "2:26" },
  { name: "optional unlabelled tuple element", given: ns("  function f(): [i32, i32?];"), want: "Optional element `i32?`", at: "2:23" },
  { name: "rest tuple element", given: ns("  function f(): [i32, ...i32[]];"), want: "Rest element `...i32[]`", at: "2:23" },
  { name: "mixed labels", given: ns("  function f(): [a: i32, i32];"), want: "mixes labelled and unlabelled", at: "2:17" },
  // Parameters
  { name: "optional parameter", given: ns("  function f(a?: i32): void;"), want: "Optional parameter `a?`", at: "2:14" },
  { name: "rest parameter", given: ns("  function f(...a: i32[]): void;"), want: "Rest parameter `...a`", at: "2:14" },
  { name: "initializer", given: ns("  function f(a: i32 = 0): void;"), want: "has a default value `0`", at: "2:23" },
  { name: "this parameter", given: ns("  function f(this: i32): void;"), want: "`this` parameter", at: "2:14" },
  { name: "destructured parameter", given: ns("  function f({ a }: i32): void;"), want: "Destructured parameter", at: "2:14" },
  { name: "missing parameter type", given: ns("  function f(a): void;"), want: "Parameter `a` in `env.f` has no type", at: "2:14" },
  // Functions
  { name: "missing return type", given: ns("  function f(a: i32);"), want: "Function `env.f` has no return type", at: "2:12" },
  { name: "generic function", given: ns("  function f<T>(a: T): T;"), want: "Generic function `env.f`", at: "2:14" },
  { name: "overload", given: ns("  function f(a: i32): void;\n  function f(a: f64): void;"), want: "Function `env.f` is declared twice: overloads are not supported", at: "3:12" },
  { name: "function body", given: ns("  function f(): void {}"), want: "has a body", at: "2:12" },
  { name: "async function", given: ns("  async function f(): i32;"), want: "Async function `env.f`", at: "2:3" },
  { name: "top-level function", given: "declare function f(): void;", want: "Function `f` is outside any module", at: "1:18" },
  // Module members and modules
  { name: "variable in a module", given: ns("  const memory: i32;"), want: "Variable `memory` in module `env`", at: "2:9" },
  { name: "class in a module", given: ns("  class C {}"), want: "Class `C` in module `env`", at: "2:9" },
  { name: "interface in a module", given: ns("  interface I {}"), want: "Interface `I` in module `env`", at: "2:13" },
  { name: "enum in a module", given: ns("  enum E { A }"), want: "Enum `E` in module `env`", at: "2:8" },
  { name: "dotted namespace", given: "declare namespace a.b { function f(): void; }", want: "Dotted namespace `a.b` is not supported", at: "1:19" },
  { name: "nested namespace", given: ns("  namespace inner { function f(): void; }"), want: "Nested namespace `inner` in module `env`", at: "2:13" },
  { name: "shorthand ambient module", given: 'declare module "env";', want: "has no body", at: "1:16" },
  { name: "declare global", given: "declare global { function f(): void; }", want: "`declare global` is not an import module", at: "1:9" },
  { name: "top-level variable", given: "declare const x: i32;", want: "Variable `x` at the top level", at: "1:15" },
  { name: "foreign import", given: 'import type { Foo } from "./foo";', want: "Import from `./foo` is not supported", at: "1:26" },
  { name: "export assignment", given: "export = env;", want: "at the top level is not supported", at: "1:1" },
  { name: "@symbol on a module", given: "/** @symbol x */\ndeclare namespace env { function f(): void; }", want: "`@symbol`, `@noctx`, `@name` and `@allocator` on module `env`", at: "2:19" },
  { name: "20,000 nested parentheses", given: ns(`  function f(a: ${"(".repeat(20000)}i32${")".repeat(20000)}): void;`), want: "Declarations nest too deeply: more than 500 open brackets at once", at: "2:515" },
  { name: "5,000 nested tuples", given: ns(`  function f(): ${"[".repeat(5000)}i32${"]".repeat(5000)};`), want: "Declarations nest too deeply", at: "2:516" },
  { name: "@name on a module", given: "/** @name e */\ndeclare namespace env { function f(): void; }", want: "`@symbol`, `@noctx`, `@name` and `@allocator` on module `env`", at: "2:19" },
  { name: "@name without a name", given: ns("  /** @name */\n  function f(): void;"), want: "`@name` on `env.f` needs the wasm import name, found nothing", at: "2:7" },
  { name: "@name twice", given: ns("  /**\n   * @name a\n   * @name b\n   */\n  function f(): void;"), want: "Duplicate `@name` tag", at: "4:6" },
  { name: "@name with a broken JSON string", given: ns('  /** @name "a\\x" */\n  function f(): void;'), want: "`@name` on `env.f` starts with `\"` but is not one JSON string", at: "2:7" },
  { name: "two functions with one @name", given: ns("  /** @name a.b */\n  function f(): void;\n  /** @name a.b */\n  function g(): void;"), want: "Import `env.a.b` is declared twice", at: "5:12" },
  // JSDoc
  { name: "@symbol without a name", given: ns("  /** @symbol */\n  function f(): void;"), want: "`@symbol` on `env.f` needs exactly one C symbol name, found no name", at: "2:7" },
  { name: "@symbol with two names", given: ns("  /** @symbol a b */\n  function f(): void;"), want: "found 2 words", at: "2:7" },
  { name: "@symbol twice", given: ns("  /**\n   * @symbol a\n   * @symbol b\n   */\n  function f(): void;"), want: "Duplicate `@symbol` tag", at: "4:6" },
  // Syntax
  { name: "syntax error", given: ns("  function f(a: i32 void;"), want: "Syntax error: ',' expected.", at: "2:21" },
];

describe("readDts: rejected forms", () => {
  it.each(REJECTED)("$name", ({ given, want, at }) => {
    const found = problems(given);
    expect(found.map((p) => `${p.at} ${p.message}`)).toEqual([expect.stringContaining(`${at} `)]);
    expect(found[0]!.message).toContain(want);
    expect(found[0]!.hint).not.toBe("");
  });
});

describe("readDts: error reporting", () => {
  it("reports every mistake of a file at once, in source order", () => {
    const found = problems(
      "type S = boolean;\n" + ns("  function b(x: S): void;\n  function a(y?: i32, z: number): void;\n  let v: i32;"),
    );
    expect(found.map((p) => p.at)).toEqual(["1:10", "4:14", "4:26", "5:7"]);
  });

  it("reports only the first syntax error (the rest are usually follow-on noise)", () => {
    const found = problems("declare namespace env {\n  function f(: void;\n  function g(: void;\n}");
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toBe("2:14");
  });

  it("locates by line and UTF-16 column with CRLF line ends, non-ASCII text and deep in a long file", () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `  /** ü ${i} */\r\n  function f${i}(): void;`).join("\r\n");
    const found = problems(`declare namespace env {\r\n${filler}\r\n  /** 😀 */ function g(s: boolean): void;\r\n}`);
    // 1 header line, 2 lines per filler function, then g on line 6002; 😀 is two UTF-16 units.
    expect(found.map((p) => p.at)).toEqual(["6002:27"]);
  });

  it("formats with the user's file name, the location and a help line", () => {
    const run = () => readDts(ns("  function f(s: boolean): void;"), "dir/api.d.ts");
    expect(run).toThrow(HostbindError);
    const [p] = problemsOf(run);
    expect(p?.at).toBe("2:17");
    try {
      run();
    } catch (e) {
      const text = (e as HostbindError).format();
      expect(text).toMatch(/^dir\/api\.d\.ts:2:17: error: Unsupported type `boolean`/);
      expect(text).toMatch(/\n {2}help: Pass a boolean as `i32`/);
    }
  });

  it("puts the other declaration of an overload in a note", () => {
    try {
      readDts(ns("  function f(): void;\n  function f(a: i32): void;"), "t.d.ts");
      expect.unreachable();
    } catch (e) {
      expect((e as HostbindError).related).toEqual([
        { location: { file: "t.d.ts", line: 2, column: 12 }, message: "the first `f` is here" },
      ]);
    }
  });
});

describe("readDts: hints say what to do", () => {
  const HINTS: { name: string; given: string; want: string }[] = [
    { name: "dotted namespace", given: "declare namespace a.b { function f(): void; }", want: 'write `declare module "a.b" { … }`' },
    { name: "nested namespace", given: ns("  namespace b { function f(): void; }"), want: 'write `declare module "env.b" { … }`' },
    { name: "top-level function", given: "declare function now(): f64;", want: "export declare namespace env { function now(…): …; }" },
    { name: "externref", given: ns("  function f(r: externref): void;"), want: "pass an index or handle as `i32`" },
    { name: "funcref", given: ns("  function f(r: funcref): void;"), want: "function table as `i32`" },
    { name: "v128", given: ns("  function f(v: v128): void;"), want: "`i64` halves" },
    { name: "array", given: ns("  function f(s: i32[]): void;"), want: "Pass bytes as `Uint8Array`" },
    { name: "number", given: ns("  function f(n: number): void;"), want: "`i32` or `u32` for integers" },
    { name: "C type name", given: ns("  function f(x: float): void;"), want: "Write `f32`" },
    { name: "unknown type name", given: ns("  function f(x: Fd): void;"), want: "declare `type Fd = …`" },
    { name: "typo of a value type", given: ns("  function f(x: i23): void;"), want: "Did you mean `i32`?" },
    { name: "value type in capitals", given: ns("  function f(x: U64): void;"), want: "Did you mean `u64`?" },
    { name: "overload", given: ns("  function f(): void;\n  function f(a: i32): void;"), want: "`@symbol`" },
  ];
  it.each(HINTS)("$name", ({ given, want }) => {
    const found = problems(given);
    expect(found).toHaveLength(1);
    expect(found[0]!.hint).toContain(want);
  });
});
