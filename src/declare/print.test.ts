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

import type { f32, f64, i32, u32, u64 } from "hostbind/types";

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

  it("declares every function, giving those whose names are not identifiers an identifier and @name", () => {
    const names = ["my-func", "delete", "ok", "console.log", "syscall/js.valueGet", "my_func", "\ufeffbom", "a b\n*/c\u2028", "@x", '"q"', "{@link y}", "*star"];
    const decls = declarations("w.wasm", [
      { name: "env", functions: names.map((n) => importFn("env", n, { params: [["p0", "i32"]] })) },
      { name: "i32", functions: [importFn("i32", "f")] },
    ]);
    decls.otherImports = [{ module: "env", name: "memory", kind: "memory" }];
    const text = printDeclarations(decls);
    expect(text).toContain("  /** @name my-func */\n  function my_func_2(p0: i32): void;\n");
    expect(text).toContain("  /** @name delete */\n  function delete_(p0: i32): void;\n");
    expect(text).toContain("  /** @name console.log */\n  function console_log(p0: i32): void;\n");
    expect(text).toContain("  /** @name syscall/js.valueGet */\n  function syscall_js_valueGet(p0: i32): void;\n");
    expect(text).toContain('  /** @name "\\ufeffbom" */\n');
    expect(text).toContain('  /** @name "a b\\n*\\/c\\u2028" */\n');
    // Every `@` escaped: ` @x` would start a tag, `{@` an inline one.
    expect(text).toContain('  /** @name "\\u0040x" */\n');
    expect(text).toContain('  /** @name "{\\u0040link y}" */\n');
    expect(text).toContain(`declare module "i32" {\n  export function f(): void;\n}`);
    expect(text).toContain('import type { i32 } from "hostbind/types";');
    // Every name reads back byte for byte: the same model as the module itself.
    const back = readDts(text, "w.d.ts");
    expect(back.modules[0]!.functions.map((f) => f.name)).toEqual(names);
    expect(shape(back)).toEqual(shape({ ...decls, file: "w.d.ts", otherImports: undefined }));
    expect(declarationWarnings(decls)).toEqual([
      'w.wasm also imports 1 thing hostbind does not serve (1 memory): memory "env" "memory"; the host application provides them (each is listed in the file\'s comment)',
    ]);
  });

  it("knows which names are declarable", () => {
    expect(["env", "_x", "$y", "ünï", "await_"].every(isDeclarableName)).toBe(true);
    expect(["", "my-func", "1x", "class", "await", "a.b"].some(isDeclarableName)).toBe(false);
  });
});
