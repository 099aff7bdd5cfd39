/**
 * Native signatures by the out-pointer rule (docs/abi.md), pinned by hand:
 * parameter roles and order, escaped names, return types, and the result
 * struct only for two or more results.
 */
import { describe, expect, it } from "vitest";
import { declarations, importFn } from "../../test/support/ir.ts";
import { alignUp, layout } from "./mod.ts";
import { ASYNC_REQUEST_BYTES } from "./paths.ts";
import { C_TYPE, layoutImport } from "./signature.ts";
import { targetByName } from "./targets.ts";
import { safeCName } from "../ir/names.ts";

const X64 = targetByName("x86_64-linux")!;
const I686 = targetByName("i686-linux")!;

/** `role:name:cType` for each native parameter. */
function params(fn: ReturnType<typeof importFn>, target = X64): string[] {
  return layoutImport(fn, target).params.map((p) => `${p.role}:${p.name}:${p.cType}`);
}

describe("the out-pointer rule", () => {
  it("passes ctx then values for no result, returning void", () => {
    const l = layoutImport(importFn("env", "log", { params: [["v", "i32"]] }), X64);
    expect(params(l.fn)).toEqual(["ctx:ctx:hostbind_ctx *", "value:v:int32_t"]);
    expect([l.returns, l.result]).toEqual([null, null]);
  });

  it("returns a single result directly (a one-element tuple too)", () => {
    const l = layoutImport(importFn("env", "now", { results: [["t", "f64"]] }), X64);
    expect(params(l.fn)).toEqual(["ctx:ctx:hostbind_ctx *"]);
    expect([l.returns, l.result]).toEqual(["f64", null]);
  });

  it("puts the out-pointer first and ctx second for two or more results", () => {
    const fn = importFn("env", "divmod", { params: [["a", "i32"], ["b", "i32"]], results: [["quot", "i32"], ["rem", "i32"]] });
    const l = layoutImport(fn, X64);
    expect(params(fn)).toEqual([
      "out:out:env_divmod_result *",
      "ctx:ctx:hostbind_ctx *",
      "value:a:int32_t",
      "value:b:int32_t",
    ]);
    expect(l.returns).toBeNull();
    expect(l.result?.name).toBe("env_divmod_result");
    expect(l.result?.fields.map((f) => f.name)).toEqual(["quot", "rem"]);
  });

  it("drops ctx for @noctx, keeping the out-pointer", () => {
    expect(params(importFn("m", "pair", { results: ["f64", "f64"], noctx: true }))).toEqual(["out:out:m_pair_result *"]);
    expect(params(importFn("m", "hypot", { params: [["x", "f64"]], results: ["f64"], noctx: true }))).toEqual([
      "value:x:double",
    ]);
  });

  it("uses the explicit symbol in the struct name", () => {
    const l = layoutImport(importFn("m", "p", { symbol: "my_p", results: ["i32", "i32"] }), X64);
    expect(l.symbol).toBe("my_p");
    expect(l.result?.name).toBe("my_p_result");
  });
});

describe("names", () => {
  it("renames keyword parameters and those clashing with out/ctx", () => {
    const fn = importFn("env", "f", {
      params: [["int", "i32"], ["out", "u32"], ["ctx", "i64"], ["ctx_", "u64"], ["NULL", "f32"]],
      results: ["i32", "i32"],
    });
    expect(layoutImport(fn, X64).params.map((p) => p.name)).toEqual(["out", "ctx", "int_", "out_", "ctx_", "ctx_2", "NULL_"]);
  });

  it("keeps a parameter named ctx when @noctx leaves the name free", () => {
    const fn = importFn("env", "f", { params: [["ctx", "i32"]], noctx: true });
    expect(layoutImport(fn, X64).params.map((p) => p.name)).toEqual(["ctx"]);
  });

  it("renames result fields that are keywords or repeat", () => {
    const fn = importFn("env", "f", { results: [["long", "i32"], ["x", "i32"], ["x", "i32"], ["out", "f64"]] });
    expect(layoutImport(fn, X64).result?.fields.map((f) => f.name)).toEqual(["long_", "x", "x_", "out"]);
  });
});

describe("C types", () => {
  it("maps every value type", () => {
    expect(C_TYPE).toEqual({ i32: "int32_t", u32: "uint32_t", i64: "int64_t", u64: "uint64_t", f32: "float", f64: "double" });
  });
});

describe("per-target result structs", () => {
  it("lays the same import out differently on i686-linux", () => {
    const fn = importFn("env", "m", { results: [["a", "i32"], ["b", "f64"], ["c", "i64"]] });
    const wide = layoutImport(fn, X64).result!;
    const narrow = layoutImport(fn, I686).result!;
    expect([wide.size, wide.align, wide.fields.map((f) => f.offset)]).toEqual([24, 8, [0, 8, 16]]);
    expect([narrow.size, narrow.align, narrow.fields.map((f) => f.offset)]).toEqual([20, 4, [0, 4, 12]]);
  });
});

describe("layout()", () => {
  const decls = declarations("d.d.ts", [{
    name: "env",
    functions: [
      importFn("env", "two", { results: ["i32", "f64"] }),
      importFn("env", "one", { results: ["i32"] }),
      importFn("env", "three", { results: ["f32", "f32", "f32"] }),
    ],
  }]);

  it("plans the stub memory: ctx at 0, then 8-aligned out-areas per multi-result import, then the argument block", () => {
    const l = layout(decls, { target: "x86_64-linux" });
    // The block holds the largest of: 8 bytes a parameter (none here), a single result (8); several
    // results go to their import's out-area, on every path.
    expect(l.stubMemory).toEqual({
      ctxOffset: 0,
      callTableOffset: 256,
      allocatorSlot: -1,
      outOffset: [256, -1, 272],
      blockOffset: 288,
      blockBytes: 8,
      bytes: 296,
      requestOffset: -1,
      pages: 1,
    });
  });

  it("puts an async import's request after everything else, 16-aligned, one per Host", () => {
    const d = declarations("io.d.ts", [{
      name: "io",
      functions: [
        importFn("io", "pair", { params: [["a", "i32"]], results: ["i32", "f64"] }),
        importFn("io", "read", { params: [["n", "u32"]], results: ["i32"], async: true }),
      ],
    }]);
    const plan = layout(d, { target: "x86_64-linux" }).stubMemory;
    // Everything else comes first (one out-area per import: nested calls need no copies), then the request.
    expect(plan.requestOffset).toBe(alignUp(plan.bytes, 16));
    expect(plan.pages).toBe(Math.ceil((plan.requestOffset + ASYNC_REQUEST_BYTES) / 65536));
  });

  it("rejects an unknown target with the list of known ones", () => {
    expect(() => layout(decls, { target: "sparc-solaris" })).toThrow(/Unknown target `sparc-solaris`/);
  });

  it("accepts a target object", () => {
    expect(layout(decls, { target: I686 }).target.name).toBe("i686-linux");
  });
});

describe("names never reserved", () => {
  it.each([
    ["__x", "_x"],
    ["_Foo", "p_Foo"],
    ["a__b", "a_b"],
    ["int", "int_"],
  ])("%s → a name without `__` or `_Capital`", (given, want) => {
    expect(safeCName(given, new Set(["x"]))).toBe(want);
  });
});
