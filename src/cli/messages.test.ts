/**
 * Messages for what new users type (issue 19): WebAssembly text as INPUT,
 * an object result, narrow integer types, excluding the only module, a C
 * library function as `@symbol`, a lone surrogate in `@name`, configuration
 * JSON nested deeper than anyone writes, and a large package.json that is
 * read quickly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { generate } from "../generate.ts";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { inDir, runMain } from "../../test/support/cli_main.ts";
import { tempDir } from "../../test/support/tmp.ts";
import { wat } from "../../test/support/wat.ts";

let dir: string;
beforeEach(() => {
  dir = tempDir("messages");
});

const run = (argv: string[]) => runMain(argv, inDir(dir));

/** `hostbind explain FILE` on declarations `text`: its exit code and standard error. */
function explain(text: string): { code: number; stderr: string } {
  writeFileSync(join(dir, "x.d.ts"), `import type { i32, u32, f64 } from "hostbind/types";\n${text}\n`);
  const r = run(["explain", "x.d.ts"]);
  return { code: r.code, stderr: r.stderr };
}

describe("input that is not declarations", () => {
  test("WebAssembly text: says what it is and how to assemble it", () => {
    writeFileSync(join(dir, "guest.wat"), ';; a guest\n(module (import "env" "f" (func)))\n');
    const r = run(["generate", "guest.wat", "-o", "gen"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: `guest.wat` is WebAssembly text, not TypeScript declarations or a binary module\n"
        + "  help: Assemble it first, e.g. `npx --yes -p wabt wat2wasm guest.wat -o guest.wasm`, then pass guest.wasm "
        + "(or write declarations for its imports: `hostbind declare` starts them from the .wasm).\n",
    );
    expect(r.stderr).not.toContain("Syntax error");
  });
});

describe("types", () => {
  test("an object result: a named tuple is the answer", () => {
    const r = explain("export declare namespace env { function f(): { q: i32; r: i32 }; }");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("help: As a result, return a named tuple of value types, e.g. `[quot: i32, rem: i32]`");
  });

  for (const [name, want] of [["u8", "u32"], ["i16", "i32"], ["uint16_t", "u32"], ["int8_t", "i32"]] as const) {
    test(`${name}: wasm has no such values; declare ${want}`, () => {
      const r = explain(`export declare namespace env { function f(a: ${name}): void; }`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("wasm has no 8- or 16-bit integer values: its integers are i32 and i64");
      expect(r.stderr).toContain(`help: Declare \`${want}\` and narrow the value in native code`);
      expect(r.stderr).not.toContain("type alias");
    });
  }
});

describe("names", () => {
  for (const symbol of ["memcpy", "free", "malloc", "printf", "strlen"]) {
    test(`@symbol ${symbol}: refused as a C library function, before any header is written`, () => {
      const r = explain(`export declare namespace env {\n  /** @symbol ${symbol} */\n  function f(a: i32): void;\n}`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error: Invalid C symbol \`${symbol}\` for \`env.f\` (given by \`@symbol\`): it is a function of the C standard library`);
    });
  }

  test("a <math.h> name only for a @noctx import (binding libm's own)", () => {
    expect(explain("export declare namespace m {\n  /** @symbol hypot @noctx */\n  function h(x: f64, y: f64): f64;\n}").code).toBe(0);
    const r = explain("export declare namespace m {\n  /** @symbol hypot */\n  function h(x: f64, y: f64): f64;\n}");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("it is a function of C's <math.h>: only a @noctx import may name it");
  });

  test("a lone surrogate in @name: refused (no wasm module can carry it), located", () => {
    // A JSON string in @name can spell what no UTF-8 file holds.
    const r = explain('export declare namespace env {\n  /** @name "a\\uD800b" */\n  function f(): void;\n}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^x\.d\.ts:4:\d+: error: Import name "a\\ud800b" holds a lone surrogate, which no wasm module can name/);
  });
});

describe("configuration", () => {
  test("--exclude-module of the only module: says that everything was excluded", () => {
    writeFileSync(join(dir, "env.d.ts"), 'import type { i32 } from "hostbind/types";\nexport declare namespace env { function f(a: i32): void; }\n');
    const r = run(["generate", "env.d.ts", "-o", "gen", "--exclude-module", "env"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: Nothing for hostbind to serve: every function import of env.d.ts is left to the host application (module `env`)");
    expect(r.stderr).not.toContain("No import modules declared");
  });

  test("JSON nested 3,000 levels deep in package.json: a located error, exit 1, no stack overflow", () => {
    writeFileSync(join(dir, "package.json"), `{ "hostbind": { "input": "x.d.ts" }, "deep": ${"[".repeat(3000)}${"]".repeat(3000)} }`);
    const r = run(["generate"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^package\.json:1:\d+: error: JSON nested more than 256 levels deep/);
  });

  test("a large package.json is read in linear time (and not at all without a hostbind key)", () => {
    writeFileSync(join(dir, "env.d.ts"), 'import type { i32 } from "hostbind/types";\nexport declare namespace env { function f(a: i32): void; }\n');
    const deps = Array.from({ length: 20_000 }, (_, i) => `    "package-number-${i}": "^1.${i}.0"`).join(",\n");
    const big = `{\n  "name": "big",\n  "dependencies": {\n${deps}\n  },\n  "hostbind": { "input": "env.d.ts", "outDir": "gen" }\n}\n`;
    expect(big.length).toBeGreaterThan(800_000);
    writeFileSync(join(dir, "package.json"), big);
    const r = run(["generate", "--check"]);
    expect(r.code).toBe(1); // nothing generated yet: every file is missing
    expect(r.stderr).toMatch(/^note: using the configuration in package\.json/);
  });
});

describe("Node named wherever Deno and Bun are (issue 19)", () => {
  test("help, package.json, the header's and NAME.rs's top comments, the README's synopsis, init's guest.wat", () => {
    const top = runMain(["--help"]).stdout;
    expect(top).toContain("serve WebAssembly imports from native shared libraries in Deno, Bun and Node");
    expect(top).toContain("write the C header and the Deno, Bun and Node bindings for INPUT");
    expect(runMain(["generate", "--help"]).stdout).toContain("DIR/NAME.node.ts");
    const root = join(import.meta.dirname, "../..");
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.description).toContain("Deno, Bun and Node");
    expect(pkg.description).toContain("node:ffi");
    const files = generate("export declare namespace env { function f(a: i64): i64; }", { file: "env.d.ts", targets: ["c", "rust"] });
    const [header, rust] = [files[0]!.contents, files[1]!.contents];
    expect(header).toContain("the Deno, Bun and Node\n * bindings generated beside this header (env.deno.ts, env.bun.ts,\n * env.node.ts");
    expect(rust).toContain("the Deno, Bun and Node bindings (env.deno.ts,\n// env.bun.ts, env.node.ts)");
    for (const doc of ["README.md", "docs/generated-api.md"]) {
      const text = readFileSync(join(root, doc), "utf8");
      expect(text, doc).toContain("[--targets c,deno,bun,node,rust]");
      expect(text, doc).not.toContain("[--targets c,deno,bun,rust]");
    }
    // The command Step by step uses: `npx wat2wasm` alone fetches an unrelated package.
    const guest = readFileSync(join(root, "templates/init-guest.wat.tmpl"), "utf8");
    expect(guest).toContain("npx --yes -p wabt wat2wasm guest.wat -o guest.wasm");
    expect(guest).not.toMatch(/npx wat2wasm/);
  });
});

describe("imports hostbind cannot serve (issue 21 item 1)", () => {
  const GUEST = `(module
    (import "wbg" "__wbg_set" (func (param externref i32)))
    (import "env" "vec" (func (param v128) (result i32)))
    (import "env" "add" (func (param i32 i32) (result i32)))
    (import "env" "g1" (global i32))
    (import "env" "g2" (global (mut i64)))
    (import "env" "memory" (memory 1)))`;

  test("declare, generate and --module serve the rest; one summary line; declare's comment lists each with its type", () => {
    writeFileSync(join(dir, "guest.wasm"), wat(GUEST));
    const declared = run(["declare", "guest.wasm", "--out", "guest.d.ts"]);
    expect(declared.code, declared.stderr).toBe(0);
    expect(declared.stderr).toBe(
      "warning: guest.wasm also imports 5 things hostbind does not serve (1 memory, 2 globals, 2 functions with types native code "
        + 'cannot take): function "wbg" "__wbg_set", function "env" "vec", global "env" "g1" and 2 more; the host application '
        + "provides them (each is listed in the file's comment)\n",
    );
    const text = readFileSync(join(dir, "guest.d.ts"), "utf8");
    expect(text).toContain('//   function "wbg" "__wbg_set" (func (param externref i32))');
    expect(text).toContain('//   function "env" "vec" (func (param v128) (result i32))');
    expect(text).toContain("function add(p0: i32, p1: i32): i32;");
    // The declarations generate, cross-checked against the guest: the unservable imports are not required.
    const generated = run(["generate", "guest.d.ts", "-o", "gen", "--module", "guest.wasm"]);
    expect(generated.code, generated.stderr).toBe(0);
    // From the .wasm directly: one warning line (and its help), however many imports it leaves out.
    const direct = run(["generate", "guest.wasm", "-o", "gen2"]);
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stderr.split("\n").filter((l) => l.startsWith("warning:"))).toHaveLength(1);
  });
});

describe("declare output always generates (issue 21 item 4)", () => {
  test("minified and odd names get unique, valid @symbols; `@` and `*/` in names are escaped; generate GUEST.wasm agrees", () => {
    const guest = wat(`(module
      (import "a" "$" (func (param i32)))
      (import "a" "_" (func (param i32)))
      (import "a" "b-c" (func (result i32)))
      (import "a" "b.c" (func (result i32)))
      (import "7up" "x" (func))
      (import "hostbind" "x" (func))
      (import "env" "x @y */ z" (func (param i32 i32) (result i32 i32))))`);
    writeFileSync(join(dir, "min.wasm"), guest);
    const declared = run(["declare", "min.wasm", "--out", "min.d.ts"]);
    expect(declared.code, declared.stderr).toBe(0);
    const text = readFileSync(join(dir, "min.d.ts"), "utf8");
    expect(text).toContain("@symbol a___2");
    expect(text).toContain("@symbol a_b_c_2");
    expect(text).toContain("@symbol w_7up_x");
    expect(text).toContain("@symbol w_hostbind_x");
    expect(text).toContain('@name "x \\u0040y *\\/ z"');
    // The file generates as written, cross-checked against the guest, and so does the guest itself.
    const fromDecls = run(["generate", "min.d.ts", "-o", "gen", "--module", "min.wasm", "--targets", "c"]);
    expect(fromDecls.code, fromDecls.stderr).toBe(0);
    const fromWasm = run(["generate", "min.wasm", "-o", "gen2", "--targets", "c"]);
    expect(fromWasm.code, fromWasm.stderr).toBe(0);
    expect(readFileSync(join(dir, "gen2/min.h"), "utf8")).toBe(readFileSync(join(dir, "gen/min.h"), "utf8").replaceAll("min.d.ts", "min.wasm"));
  });
});
