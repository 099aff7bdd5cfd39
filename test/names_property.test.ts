/**
 * Any name a `.wasm` module can hold — every code point class, control
 * characters and line terminators included — survives hostbind: the
 * declarations `hostbind declare` prints read back to the same model the
 * module gives, and every output compiles (cc, c++, deno check, rustc).
 * Modules are built byte by byte here (wat2wasm would reject some names).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declareFromWasm } from "../src/declare/mod.ts";
import { ByteWriter, EXTERNAL, funcType, PREAMBLE, section, SECTION } from "../src/emit/stub/encoder.ts";
import { generate, parseDeclarations, parseWasm } from "../src/generate.ts";
import type { Declarations, WasmType } from "../src/ir/types.ts";
import { compile } from "./support/cc.ts";
import { Prng } from "./fuzz/prng.ts";
import { ROOT, tempDir, writeFiles } from "./support/tmp.ts";

/** Code points from every class that trips tools: controls, line terminators, quotes, comment closers, BOM, surrogates, astral. */
const PIECES = [
  "a", "Z", "_", "$", "0", " ", "-", ".", "/", "*/", "/*", "//", "??/", "\\", '"', "'", "`", "${", "{@link x}", "@name",
  "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\t", "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u009b",
  "\ufeff", "é", "ß", "漢", "😀", "\u200b", "\u202e", "<", ">", "&", "#", "%", "?", "\u00a0",
];

function randomName(rng: Prng, index: number): string {
  let s = `${index}:`; // a distinct prefix keeps the derived symbols distinct
  const n = rng.int(6);
  for (let i = 0; i <= n; i++) s += PIECES[rng.int(PIECES.length)];
  return s;
}

const TYPES: WasmType[] = ["i32", "i64", "f32", "f64"];

/** A module importing `names.length` functions from two modules with random names. */
function moduleBytes(rng: Prng, count: number): Uint8Array {
  const types: Uint8Array[] = [];
  const imports = new ByteWriter().u32(count);
  const mods = [randomName(rng, 0), randomName(rng, 1)];
  for (let i = 0; i < count; i++) {
    const params = Array.from({ length: rng.int(3) }, () => TYPES[rng.int(4)]!);
    const results = Array.from({ length: rng.int(3) }, () => TYPES[rng.int(4)]!);
    types.push(funcType(params, results));
    imports.name(mods[i % 2]!).name(randomName(rng, i)).byte(EXTERNAL.func).u32(i);
  }
  const typeSec = new ByteWriter().vec(types, (t, w) => w.raw(t));
  return new ByteWriter().raw(PREAMBLE).raw(section(SECTION.type, typeSec.bytes())).raw(section(SECTION.import, imports.bytes())).bytes();
}

/** The model without locations (they name the input file). */
function model(d: Declarations): unknown {
  return d.modules.map((m) => ({ name: m.name, functions: m.functions.map(({ location: _, ...f }) => f) }));
}

describe("arbitrary wasm names", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: declare reads back to the same model, and every output compiles", (seed) => {
    const rng = new Prng(seed * 7919);
    const bytes = moduleBytes(rng, 12);
    const options = { symbolPrefix: "p_" };
    const fromWasm = parseWasm(bytes, { file: "names.wasm", ...options });
    const declared = declareFromWasm(bytes, "names.wasm");
    const fromText = parseDeclarations(declared, { file: "names.d.ts", ...options });
    expect(model(fromText)).toEqual(model(fromWasm));
    // Names reach the outputs only escaped: no raw control character or line terminator but the newlines.
    const files = generate(fromWasm, { name: "names", lib: "./libnames", targets: ["c", "deno", "bun", "rust"] });
    // (A tab may stand in a comment.)
    for (const f of files) expect(f.contents, f.path).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    const dir = tempDir(`names-${seed}`);
    writeFiles(dir, Object.fromEntries(files.map((f) => [f.path, f.contents])));
    const [c] = writeFiles(dir, { "use.c": '#include "names.h"\nint main(void) { return 0; }\n' });
    for (const lang of ["c", "c++"] as const) {
      const r = compile([c!], { lang, kind: "syntax", include: [dir], flags: lang === "c++" ? ["-x", "c++"] : [] });
      expect(r.ok, r.message).toBe(true);
    }
    const deno = spawnSync(join(ROOT, "node_modules/.bin/deno"), ["check", "--quiet", join(dir, "names.deno.ts")], { cwd: ROOT, encoding: "utf8" });
    expect(deno.status, deno.stderr).toBe(0);
    const rustc = spawnSync("rustc", ["--edition", "2021", "--crate-type", "lib", "--emit", "metadata", "-o", join(dir, "names.rmeta"), join(dir, "names.rs")], { encoding: "utf8" });
    if (rustc.error === undefined) expect(rustc.status, rustc.stderr).toBe(0);
  });
});
