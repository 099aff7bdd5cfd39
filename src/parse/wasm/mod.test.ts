import { describe, expect, it } from "vitest";
import { HostbindError, HostbindErrors } from "../../errors.ts";
import { wat } from "../../../test/support/wat.ts";
import { readWasm } from "./mod.ts";

/** The error `readWasm` throws for `bytes`, formatted as the CLI prints it. */
function errorOf(bytes: Uint8Array): string {
  try {
    readWasm(bytes, "x.wasm");
  } catch (e) {
    expect(e).toBeInstanceOf(HostbindError);
    return (e as HostbindError).format();
  }
  throw new Error("expected readWasm to throw");
}

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe("readWasm: function imports", () => {
  it("reads multi-value imports with p/f names, grouped by module in first-import order", () => {
    const decls = readWasm(
      wat(`(module
        (import "env" "divmod" (func (param i32 i32) (result i32 i32)))
        (import "math-lib" "hypot" (func (param f64 f64) (result f64)))
        (import "env" "tick" (func (param i64 f32)))
        (func (export "run") (result i32) (i32.const 1)))`),
      "g.wasm",
    );
    expect(decls.file).toBe("g.wasm");
    expect(decls.modules.map((m) => [m.name, m.functions.map((f) => f.name)])).toEqual([
      ["env", ["divmod", "tick"]],
      ["math-lib", ["hypot"]],
    ]);
    const [divmod, tick] = decls.modules[0]!.functions;
    expect(divmod).toEqual({
      module: "env",
      name: "divmod",
      symbol: "env_divmod",
      symbolExplicit: false,
      params: [{ name: "p0", type: "i32" }, { name: "p1", type: "i32" }],
      results: [{ name: "f0", type: "i32", labelled: false }, { name: "f1", type: "i32", labelled: false }],
      noctx: false,
      async: false,
      doc: "",
      location: { file: "g.wasm", line: 1, column: divmod!.location.column },
    });
    expect(tick!.params.map((p) => p.type)).toEqual(["i64", "f32"]);
    expect(tick!.results).toEqual([]);
    expect(decls.modules[1]!.functions[0]!.symbol).toBe("math_lib_hypot");
    expect(decls.otherImports).toBeUndefined();
  });

  it("locates each import at its byte offset + 1, in increasing order", () => {
    const bytes = wat(`(module
      (import "env" "a" (func))
      (import "env" "b" (func)))`);
    const [a, b] = readWasm(bytes, "x.wasm").modules[0]!.functions;
    // The entry starts with the module name's length byte (3) then "env".
    expect(bytes[a!.location.column - 1]).toBe(3);
    expect(new TextDecoder().decode(bytes.subarray(a!.location.column, a!.location.column + 3))).toBe("env");
    expect(b!.location.column).toBeGreaterThan(a!.location.column);
  });

  it("returns memory, table, global and tag imports in otherImports", () => {
    const decls = readWasm(
      wat(
        `(module
          (import "env" "memory" (memory 1 2))
          (import "env" "mem64" (memory i64 1))
          (import "env" "table" (table 4 funcref))
          (import "env" "g" (global (mut i32)))
          (import "env" "tag" (tag (param i32)))
          (import "env" "f" (func (param i32))))`,
        ["--enable-exceptions", "--enable-memory64", "--enable-multi-memory"],
      ),
      "x.wasm",
    );
    expect(decls.otherImports).toEqual([
      { module: "env", name: "memory", kind: "memory", type: "(memory 1 2)" },
      { module: "env", name: "mem64", kind: "memory", type: "(memory i64 1)" },
      { module: "env", name: "table", kind: "table", type: "(table 4 funcref)" },
      { module: "env", name: "g", kind: "global", type: "(global (mut i32))" },
      { module: "env", name: "tag", kind: "tag", type: "(tag (type 0))" },
    ]);
    expect(decls.modules[0]!.functions.map((f) => f.name)).toEqual(["f"]);
  });

  it("reads numeric imports of a module that uses GC types elsewhere", () => {
    // wabt cannot write this yet, so by hand: (rec (struct (field i8) (field (mut (ref null 0))))
    // (array (mut i16))) (sub (func (param i32) (result i64))), then import env.f of type 2.
    const types = [0x02, 0x4e, 0x02, 0x5f, 0x02, 0x78, 0x00, 0x63, 0x00, 0x01, 0x5e, 0x77, 0x01,
      0x50, 0x00, 0x60, 0x01, 0x7f, 0x01, 0x7e];
    const imports = [0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x02];
    const bytes = new Uint8Array([...HEADER, 0x01, types.length, ...types, 0x02, imports.length, ...imports]);
    const fn = readWasm(bytes, "x.wasm").modules[0]!.functions[0]!;
    expect([fn.params, fn.results.map((r) => r.type)]).toEqual([[{ name: "p0", type: "i32" }], ["i64"]]);
  });

  it("keeps one function for an exact repeat of an import (the JS API gives both the same value)", () => {
    const decls = readWasm(wat(`(module
      (import "env" "f" (func (param i32)))
      (import "env" "g" (func))
      (import "env" "f" (func (param i32))))`), "x.wasm");
    expect(decls.modules[0]!.functions.map((f) => f.name)).toEqual(["f", "g"]);
  });

  it("gives an empty model for a module without imports", () => {
    expect(readWasm(wat(`(module (func (export "f")))`), "x.wasm")).toEqual({ file: "x.wasm", modules: [] });
  });
});

describe("readWasm: errors", () => {
  it("rejects text that is not a wasm module", () => {
    const msg = errorOf(new TextEncoder().encode("export declare namespace env {}"));
    expect(msg).toMatch(/^x\.wasm:1:1: error: Expected a WebAssembly module .* found bytes 65 78 70 6f/);
    expect(msg).toContain("help: Pass a compiled `.wasm` module");
  });

  it("rejects an empty file and a component", () => {
    expect(errorOf(new Uint8Array())).toContain("found an empty file");
    expect(errorOf(new Uint8Array([...HEADER.slice(0, 4), 0x0d, 0x00, 0x01, 0x00]))).toMatch(
      /^x\.wasm:1:5: error: Expected a core WebAssembly module .* found a component/,
    );
  });

  it("rejects a truncated module at the point it ends", () => {
    const bytes = wat(`(module (import "env" "divmod" (func (param i32 i32) (result i32 i32))))`);
    for (const cut of [6, 9, bytes.length - 1]) {
      expect(errorOf(bytes.subarray(0, cut))).toMatch(/error: Unexpected end of the module while reading .* the file is truncated/);
    }
  });

  it("rejects an unknown section id and a section whose size overruns its contents", () => {
    expect(errorOf(new Uint8Array([...HEADER, 0x2a, 0x00]))).toMatch(
      /^x\.wasm:1:9: error: Unknown section id 42 \(at byte offset 8\)/,
    );
    // A type section of declared size 1 holding "1 type" but no type.
    expect(errorOf(new Uint8Array([...HEADER, 0x01, 0x01, 0x01, 0x0b]))).toContain("Unexpected end of the section");
    // A type section with a byte left over.
    expect(errorOf(new Uint8Array([...HEADER, 0x01, 0x02, 0x00, 0x00]))).toContain("Section 1 has 1 bytes left over");
  });

  it("rejects an over-long LEB128 and a bad type form", () => {
    expect(errorOf(new Uint8Array([...HEADER, 0x01, 0xff, 0xff, 0xff, 0xff, 0x7f]))).toContain(
      "does not fit in 32 bits",
    );
    expect(errorOf(new Uint8Array([...HEADER, 0x01, 0x02, 0x01, 0x40]))).toContain("Unknown type form 0x40");
  });

  it("leaves v128 and reference-typed function imports to the host application, with their types", () => {
    const decls = readWasm(
      wat(`(module
        (import "env" "ok" (func (param i32)))
        (import "env" "vec" (func (param i32 v128)))
        (import "env" "refs" (func (param externref) (result funcref))))`),
      "x.wasm",
    );
    expect(decls.modules.map((m) => m.functions.map((f) => f.name))).toEqual([["ok"]]);
    expect(decls.otherImports).toEqual([
      { module: "env", name: "vec", kind: "function", type: "(func (param i32 v128))" },
      { module: "env", name: "refs", kind: "function", type: "(func (param externref) (result funcref))" },
    ]);
  });

  it("rejects a function import whose type index is out of range", () => {
    // type section: 1 type () -> (); import section: env.f func type 5
    const bytes = new Uint8Array([
      ...HEADER, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
      0x02, 0x09, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x05,
    ]);
    expect(errorOf(bytes)).toMatch(/^x\.wasm:1:18: error: Function import `env\.f` uses type index 5, but the module has only 1 types/);
  });

  it("rejects a repeated import with another type", () => {
    const bytes = wat(`(module (import "env" "f" (func (param i32))) (import "env" "f" (func (param f64) (result i64))))`);
    expect(errorOf(bytes)).toMatch(
      /^x\.wasm:1:\d+: error: Function import `env\.f` is imported twice with different types, `\(func \(param i32\)\)` and `\(func \(param f64\) \(result i64\)\)`; one native function cannot serve both/,
    );
  });

  it("rejects invalid UTF-8 in a name", () => {
    const bytes = new Uint8Array([...HEADER, 0x02, 0x06, 0x01, 0x01, 0xff, 0x01, 0x66, 0x00]);
    expect(errorOf(bytes)).toContain("Invalid UTF-8 in an import module name");
  });
});
