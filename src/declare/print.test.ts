import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Declarations } from "../ir/types.ts";
import { readDts } from "../parse/mod.ts";
import { declarations, importFn } from "../../test/support/ir.ts";
import { declarationWarnings, isDeclarableName, printDeclarations } from "./print.ts";

const FIXTURES = resolve(import.meta.dirname, "../../test/fixtures");

/** The IR without locations and file, which a reprint cannot keep. */
function shape(decls: Declarations): unknown {
  return decls.modules.map((m) => ({
    name: m.name,
    doc: m.doc,
    functions: m.functions.map(({ location: _, ...fn }) => fn),
  }));
}

describe("printDeclarations", () => {
  it("prints namespaces, ambient modules, tuples, labels, tags and docs", () => {
    const decls = declarations("d.d.ts", [
      {
        name: "env",
        doc: "Host services.",
        functions: [
          importFn("env", "divmod", { params: [["a", "i32"], ["b", "i32"]], results: [["quot", "i32"], ["rem", "i32"]] }),
          importFn("env", "pair", { results: ["u64", "f32"] }),
          importFn("env", "one", { results: [["only", "f64"]] }),
          importFn("env", "tick", { doc: "Advances the clock.\n\nTwice.", params: [["n", "u32"]] }),
        ],
      },
      {
        name: "math-lib",
        functions: [importFn("math-lib", "hypot", { params: [["x", "f64"], ["y", "f64"]], results: ["f64"], symbol: "hypot", noctx: true })],
      },
    ]);
    expect(printDeclarations(decls, { header: ["Top.", "", "More."] })).toBe(`// Top.
//
// More.

import type { f32, f64, i32, u32, u64 } from "hostbind";

/** Host services. */
export declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function pair(): [u64, f32];
  function one(): [only: f64];

  /**
   * Advances the clock.
   *
   * Twice.
   */
  function tick(n: u32): void;
}

declare module "math-lib" {
  /**
   * @symbol hypot
   * @noctx
   */
  export function hypot(x: f64, y: f64): f64;
}
`);
  });

  it("round-trips every fixture through the parser to the same IR", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".d.ts")).sort();
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const original = readDts(readFileSync(join(FIXTURES, f), "utf8"), f);
      const printed = printDeclarations(original);
      expect(shape(readDts(printed, f)), f).toEqual(shape(original));
    }
  });

  it("comments out functions whose names are not identifiers, and warns", () => {
    const decls = declarations("w.wasm", [
      { name: "env", functions: [importFn("env", "my-func", { params: [["p0", "i32"]] }), importFn("env", "delete"), importFn("env", "ok")] },
      { name: "i32", functions: [importFn("i32", "f")] },
    ]);
    decls.otherImports = [{ module: "env", name: "memory", kind: "memory" }];
    const text = printDeclarations(decls);
    expect(text).toContain(`  // Not declarable, "my-func" is not a TypeScript identifier: (p0: i32): void\n`);
    expect(text).toContain(`  // Not declarable, "delete" is not a TypeScript identifier: (): void\n`);
    expect(text).toContain(`declare module "i32" {\n  export function f(): void;\n}`);
    expect(text).not.toContain("import type");
    const expected = declarations("w.d.ts", [
      { name: "env", functions: [importFn("env", "ok")] },
      { name: "i32", functions: [importFn("i32", "f")] },
    ]);
    expect(shape(readDts(text, "w.d.ts"))).toEqual(shape(expected));
    expect(declarationWarnings(decls)).toEqual([
      "Function import `env.my-func` was not declared: its name is not a TypeScript identifier",
      "Function import `env.delete` was not declared: its name is not a TypeScript identifier",
      "Import `env.memory` is a memory, not a function: hostbind does not provide it",
    ]);
  });

  it("knows which names are declarable", () => {
    expect(["env", "_x", "$y", "ünï", "await_"].every(isDeclarableName)).toBe(true);
    expect(["", "my-func", "1x", "class", "await", "a.b"].some(isDeclarableName)).toBe(false);
  });
});
