import { describe, expect, it } from "vitest";
import { wat } from "../../test/support/wat.ts";
import { readDts, readWasm } from "../parse/mod.ts";
import { compareWithModule, wasmType } from "./compare.ts";

const DECLS = `export declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function now(): f64;
  function seed(x: u64): void;
}
declare module "math-lib" {
  /** @symbol hypot @noctx */
  export function hypot(x: f64, y: f64): f64;
}
`;

/** Compares DECLS (or `decls`) with the module compiled from `imports` (wat import lines). */
function compare(imports: string, decls = DECLS) {
  const bytes = wat(`(module\n${imports}\n)`);
  return compareWithModule(readDts(decls, "env.d.ts"), readWasm(bytes, "guest.wasm"));
}

describe("compareWithModule", () => {
  it("finds nothing when the module imports exactly what is declared, unsigned declared as signed wasm", () => {
    const r = compare(`(import "env" "divmod" (func (param i32 i32) (result i32 i32)))
      (import "env" "now" (func (result f64)))
      (import "env" "seed" (func (param i64)))
      (import "math-lib" "hypot" (func (param f64 f64) (result f64)))
      (import "env" "memory" (memory 1))`);
    expect(r).toEqual({ errors: [], warnings: [] });
  });

  it("an import the declarations lack is an error located at the wasm import", () => {
    const r = compare(`(import "env" "divmod" (func (param i32 i32) (result i32 i32)))
      (import "env" "now" (func (result f64)))
      (import "env" "seed" (func (param i64)))
      (import "math-lib" "hypot" (func (param f64 f64) (result f64)))
      (import "env" "log-it" (func (param i32 i32)))`);
    expect(r.warnings).toEqual([]);
    expect(r.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(
        /^guest\.wasm:1:\d+: error: guest\.wasm imports "env" "log-it" as `\(func \(param i32 i32\)\)`, but env\.d\.ts does not declare it\n {2}help: Declare it in env\.d\.ts \(`hostbind declare guest\.wasm` prints/,
      ),
    ]);
  });

  it("a different wasm type is an error at the declaration with a note at the import", () => {
    const r = compare(`(import "env" "divmod" (func (param i32) (result i32)))
      (import "env" "now" (func (result f32)))
      (import "env" "seed" (func (param i64)))
      (import "math-lib" "hypot" (func (param f64 f64) (result f64)))`);
    const [divmod, now] = r.errors.map((e) => e.format());
    expect(r.errors).toHaveLength(2);
    expect(divmod).toMatch(
      /^env\.d\.ts:2:12: error: `env\.divmod` is declared as `\(func \(param i32 i32\) \(result i32 i32\)\)`, but guest\.wasm imports it as `\(func \(param i32\) \(result i32\)\)`\nguest\.wasm:1:\d+: note: the import in guest\.wasm\n {2}help: /,
    );
    expect(now).toMatch(/^env\.d\.ts:3:12: error: `env\.now` is declared as `\(func \(result f64\)\)`, but guest\.wasm imports it as `\(func \(result f32\)\)`/);
  });

  it("declarations the module does not import are warnings, in declaration order", () => {
    const r = compare(`(import "env" "now" (func (result f64)))`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => `${w.location.line}:${w.location.column} ${w.message}`)).toEqual([
      "2:12 `env.divmod` is declared but guest.wasm does not import it",
      "4:12 `env.seed` is declared but guest.wasm does not import it",
      '8:19 "math-lib" "hypot" is declared but guest.wasm does not import it',
    ]);
  });

  it("missing imports come before mismatches; a module name differing only in case is a different module", () => {
    const r = compare(`(import "env" "now" (func (result i64)))
      (import "Env" "divmod" (func (param i32 i32) (result i32 i32)))`, `export declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function now(): f64;
}`);
    expect(r.errors.map((e) => e.message)).toEqual([
      'guest.wasm imports `Env.divmod` as `(func (param i32 i32) (result i32 i32))`, but env.d.ts does not declare it',
      "`env.now` is declared as `(func (result f64))`, but guest.wasm imports it as `(func (result i64))`",
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(["`env.divmod` is declared but guest.wasm does not import it"]);
  });
});

describe("wasmType", () => {
  it("prints the wasm signature, u32/u64 as i32/i64, omitting empty lists", () => {
    const d = readDts(
      "export declare namespace env { function a(x: u32, y: f32): u64; function b(): void; }",
      "t.d.ts",
    );
    expect(d.modules[0]!.functions.map(wasmType)).toEqual(["(func (param i32 f32) (result i64))", "(func)"]);
  });
});
