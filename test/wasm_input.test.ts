/**
 * `.wasm` input end to end: a module compiled with the real `wat2wasm`
 * generates exactly what its printed declaration file generates, and
 * `declareFromWasm` lists what it cannot declare.
 */
import { describe, expect, it } from "vitest";
import { declareFromWasm } from "../src/declare/mod.ts";
import { HostbindError } from "../src/errors.ts";
import { generate, type OutputKind, parseDeclarations, parseWasm } from "../src/generate.ts";
import { readDts } from "../src/parse/mod.ts";
import { allFunctions, type Declarations, type ImportFunction, WASM_TYPE } from "../src/ir/types.ts";
import { batchSignatures } from "./fuzz/fuzz.ts";
import { declarationText } from "./fuzz/signature.ts";
import { watGuest } from "./fuzz/wat_guest.ts";
import { wat } from "./support/wat.ts";

const GUEST = `(module
  (import "env" "memory" (memory 1))
  (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (import "math-lib" "hypot" (func (param f64 f64) (result f64)))
  (import "env" "clock" (func (result i64 f32 f64)))
  (import "env" "log" (func (param i32 i32)))
  (import "env" "g" (global i32))
  (func (export "run") (param i32 i32) (result i32)
    (call $divmod (local.get 0) (local.get 1))
    (i32.add)))`;

/** The outputs compared here (the ones whose emitters have landed). */
const TARGETS: OutputKind[] = ["c", "deno", "bun"];
const EXT: Record<string, string> = { c: ".h", deno: ".deno.ts", bun: ".bun.ts", rust: ".rs" };

describe(".wasm input", () => {
  const bytes = wat(GUEST);

  it("declares the imports, listing the non-function ones in the header comment", () => {
    expect(declareFromWasm(bytes, "/abs/path/guest.wasm")).toBe(`// The imports of guest.wasm, written by \`hostbind declare\`. Edit freely: name the
// parameters, label the results (\`[quot: i32, rem: i32]\`), use u32/u64 for unsigned
// values, add docs; then run \`hostbind generate\` on this file.
//
// Not served by hostbind (the host application provides them):
//   memory "env" "memory" (memory 1)
//   global "env" "g" (global i32)

import type { f32, f64, i32, i64 } from "hostbind/types";

export declare namespace env {
  function divmod(p0: i32, p1: i32): [i32, i32];
  function clock(): [i64, f32, f64];
  function log(p0: i32, p1: i32): void;
}

declare module "math-lib" {
  export function hypot(p0: f64, p1: f64): f64;
}
`);
  });

  it("generates the same files as its declaration file does", () => {
    const declared = declareFromWasm(bytes, "guest.wasm");
    const fromWasm = generate(bytes, { file: "guest.wasm", lib: "./libguest", targets: TARGETS });
    const fromText = generate(declared, { file: "guest.d.ts", lib: "./libguest", targets: TARGETS });
    expect(fromWasm.map((f) => f.path)).toEqual([...TARGETS.map((t) => `guest${EXT[t]}`), "guest.ts"]);
    // The files name their input; apart from that they are identical.
    const unnamed = (files: { contents: string }[], input: string) =>
      files.map((f) => f.contents.replaceAll(input, "INPUT"));
    expect(unnamed(fromWasm, "guest.wasm")).toEqual(unnamed(fromText, "guest.d.ts"));
    expect(fromWasm[0]!.contents).toContain("env_divmod_result");
  });

  it("is deterministic: the same bytes give byte-identical output", () => {
    const again = wat(GUEST);
    const gen = (b: Uint8Array) => generate(b, { file: "guest.wasm", targets: TARGETS });
    expect(gen(again)).toEqual(gen(bytes));
  });

  it("parses the declared file back to the wasm's functions", () => {
    const decls = readDts(declareFromWasm(bytes, "guest.wasm"), "guest.d.ts");
    expect(decls.modules.flatMap((m) => m.functions.map((f) => `${f.symbol}/${f.params.length}/${f.results.length}`)))
      .toEqual(["env_divmod/2/2", "env_clock/0/3", "env_log/2/0", "math_lib_hypot/2/1"]);
  });

  it("leaves a function native code cannot take (v128, references) to the host application, and serves the rest", () => {
    const mixed = wat(`(module
      (import "env" "vec" (func (param v128)))
      (import "env" "ok" (func (param i32) (result i32)))
      (import "wbg" "ref" (func (param externref) (result funcref))))`);
    const files = generate(mixed, { file: "simd.wasm", targets: ["c"] });
    expect(files[0]!.contents).toContain("int32_t env_ok(hostbind_ctx *ctx, int32_t p0);");
    expect(files[0]!.contents).not.toContain("env_vec");
    // Nothing left to serve at all: one message, which names what the host application provides.
    let err: unknown;
    try {
      generate(wat(`(module (import "env" "vec" (func (param v128))))`), { file: "only.wasm" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HostbindError);
    expect((err as HostbindError).format()).toMatch(/^only\.wasm:1:1: error: Nothing for hostbind to serve: only\.wasm imports no functions native code can serve \(only function `env\.vec`\)/);
  });
});

describe("import names real toolchains use", () => {
  // AssemblyScript, wasm-bindgen, Emscripten, Go and napi-rs spell imports like these;
  // the last ones are there to show that any name at all survives.
  const GUEST_NAMES = `(module
    (import "env" "console.log" (func (param i32)))
    (import "env" "Date.now" (func (result f64)))
    (import "env" "abort" (func (param i32 i32 i32 i32)))
    (import "__wbindgen_placeholder__" "__wbg_log_1d3ae0" (func (param i32 i32)))
    (import "wbg" "__wbindgen_throw" (func (param i32 i32)))
    (import "env" "_abort_js" (func))
    (import "env" "__syscall_openat" (func (param i32 i32 i32 i32) (result i32)))
    (import "gojs" "syscall/js.valueGet" (func (param i32)))
    (import "gojs" "runtime.wasmExit" (func (param i32)))
    (import "env" "__getrandom_v03_custom" (func (param i32 i32) (result i32)))
    (import "env" "delete" (func))
    (import "env" "\\ef\\bb\\bfbom" (func))
    (import "\\ef\\bb\\bfenv" "f" (func))
    (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
    (import "env" "memory" (memory 1)))`;

  it("declares every one of them, and generate(declare(x.wasm)) is generate(x.wasm)", () => {
    const bytes = wat(GUEST_NAMES);
    const declared = declareFromWasm(bytes, "names.wasm");
    expect(declared).not.toContain("// Not declarable");
    expect(declared).toContain("  /** @name console.log */\n  function console_log(p0: i32): void;");
    expect(declared).toContain("  /** @name syscall/js.valueGet */\n  function syscall_js_valueGet(p0: i32): void;");
    expect(declared).toContain('  /** @name "\\ufeffbom" */');
    expect(declared).toContain('declare module "\ufeffenv" {');
    const fromWasm = parseWasm(bytes, { file: "names.wasm" });
    const fromText = parseDeclarations(declared, { file: "names.d.ts" });
    const model = (d: Declarations) => d.modules.map((m) => ({ name: m.name, functions: m.functions.map(({ location: _, ...f }) => f) }));
    expect(model(fromText)).toEqual(model(fromWasm));
    expect(fromWasm.modules.map((m) => m.name)).toContain("\ufeffenv");
    const unnamed = (files: { contents: string }[], input: string) => files.map((f) => f.contents.replaceAll(input, "INPUT"));
    const all: OutputKind[] = ["c", "deno", "bun", "rust"];
    expect(unnamed(generate(declared, { file: "names.d.ts", targets: all }), "names.d.ts"))
      .toEqual(unnamed(generate(bytes, { file: "names.wasm", targets: all }), "names.wasm"));
  });

  it("accepts the symbols C merely reserves, prefixes derived symbols on request, and leaves excluded modules out", () => {
    const bytes = wat(GUEST_NAMES);
    const plain = parseWasm(bytes, { file: "names.wasm" });
    expect(allFunctions(plain).map((f) => f.symbol)).toContain("__wbindgen_placeholder_____wbg_log_1d3ae0");
    const prefixed = parseWasm(bytes, { file: "names.wasm", symbolPrefix: "hb_", excludeModules: ["wasi_snapshot_preview1", "gojs"] });
    expect(allFunctions(prefixed).map((f) => f.symbol)).toContain("hb_env_console_log");
    expect(prefixed.modules.map((m) => m.name)).not.toContain("wasi_snapshot_preview1");
    expect(prefixed.excludedModules).toEqual(["gojs", "wasi_snapshot_preview1"]);
    expect(() => parseWasm(bytes, { file: "names.wasm", symbolPrefix: "1" })).toThrow(/starts with a digit/);
    expect(() => parseWasm(wat('(module (import "wasi_snapshot_preview1" "fd_write" (func)))'), { file: "w.wasm", excludeModules: ["wasi_snapshot_preview1"] }))
      .toThrow("Nothing for hostbind to serve: every function import of w.wasm is left to the host application (module `wasi_snapshot_preview1`)");
    expect(() => parseWasm(wat('(module (import "env" "memory" (memory 1)) (import "env" "t" (table 1 funcref)))'), { file: "t.wasm" }))
      .toThrow("Nothing for hostbind to serve: t.wasm imports no functions native code can serve (only memory `env.memory`, table `env.t`)");
  });
});

describe(".wasm input against the fuzzer's guests", () => {
  it("reads 150 random signatures exactly as their declaration file declares them (in wasm types)", () => {
    const sigs = [0, 1, 2].flatMap((b) => batchSignatures(61, b, 50).map((s) => ({ ...s, name: `b${b}_${s.name}` })));
    const fromWasm = parseWasm(wat(watGuest(sigs)), { file: "fz.wasm" });
    const fromText = parseDeclarations(declarationText(sigs), { file: "fz.d.ts" });
    const wasmSig = (f: ImportFunction) =>
      `${f.module}.${f.name}: (${f.params.map((p) => WASM_TYPE[p.type]).join(" ")}) -> (${f.results.map((r) => WASM_TYPE[r.type]).join(" ")})`;
    const sorted = (d: Declarations) => allFunctions(d).map(wasmSig).sort();
    expect(allFunctions(fromText).length).toBe(150);
    expect(sorted(fromWasm)).toEqual(sorted(fromText));
  });
});
