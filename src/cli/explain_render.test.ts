import { describe, expect, test } from "vitest";
import type { Declarations, ImportFunction, Result, ValueType } from "../ir/types.ts";
import { layout } from "../layout/mod.ts";
import { wasmImportText } from "../emit/wat.ts";
import { cPrototype, explainJson, explainText, structTable } from "./explain_render.ts";

const FILE = "demo.d.ts";

function fn(
  module: string,
  name: string,
  params: [string, ValueType][],
  results: [string, ValueType][],
  extra: Partial<ImportFunction> = {},
): ImportFunction {
  return {
    module,
    name,
    symbol: `${module}_${name}`.replace(/[^A-Za-z0-9_]/g, "_"),
    symbolExplicit: false,
    params: params.map(([n, type]) => ({ name: n, type })),
    results: results.map(([n, type]): Result => ({ name: n, type, labelled: true })),
    noctx: false,
    async: false,
    doc: "",
    location: { file: FILE, line: 2, column: 3 },
    ...extra,
  };
}

function decls(...functions: ImportFunction[]): Declarations {
  return {
    file: FILE,
    modules: [{ name: functions[0]!.module, doc: "", functions, location: { file: FILE, line: 1, column: 1 } }],
  };
}

const DIVMOD = fn("env", "divmod", [["a", "i32"], ["b", "i32"]], [["quot", "i32"], ["rem", "i32"]]);
const MIXED = fn("env", "mixed", [["x", "u64"]], [["tag", "i32"], ["value", "f64"], ["extra", "f32"]]);

describe("prototypes (rendered by the C emitter, as in the header)", () => {
  const table: { fn: ImportFunction; wasm: string; c: string }[] = [
    {
      fn: DIVMOD,
      wasm: '(import "env" "divmod" (func (param i32 i32) (result i32 i32)))',
      c: "void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);",
    },
    {
      fn: fn("env", "now", [], [["f0", "f64"]]),
      wasm: '(import "env" "now" (func (result f64)))',
      c: "double env_now(hostbind_ctx *ctx);",
    },
    {
      fn: fn("math-lib", "hypot", [["x", "f64"], ["y", "f64"]], [["f0", "f64"]], { symbol: "hypot", noctx: true }),
      wasm: '(import "math-lib" "hypot" (func (param f64 f64) (result f64)))',
      c: "double hypot(double x, double y);",
    },
    {
      fn: fn("env", "tick", [], [], { noctx: true }),
      wasm: '(import "env" "tick" (func))',
      c: "void env_tick(void);",
    },
    {
      fn: fn('we"ird\\é', "u", [["v", "u32"]], []),
      wasm: '(import "we\\"ird\\\\\\c3\\a9" "u" (func (param i32)))',
      c: "void we_ird___u(hostbind_ctx *ctx, uint32_t v);",
    },
    {
      fn: fn("env", "many", ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"].map((n) => [n, "f64"]), []),
      wasm: '(import "env" "many" (func (param f64 f64 f64 f64 f64 f64 f64)))',
      c: "void env_many(hostbind_ctx *ctx, double alpha, double beta, double gamma, double delta, double epsilon, double zeta, double eta);",
    },
  ];
  for (const c of table) {
    test(`${c.fn.module}.${c.fn.name}`, () => {
      const imp = layout(decls(c.fn), { target: "x86_64-linux" }).imports[0]!;
      expect(wasmImportText(c.fn)).toBe(c.wasm);
      expect(cPrototype(imp)).toBe(c.c);
    });
  }
});

describe("result struct diagram", () => {
  test("two i32 fields: no padding", () => {
    const s = layout(decls(DIVMOD), { target: "x86_64-linux" }).imports[0]!.result!;
    expect(structTable(s).join("\n")).toBe([
      "struct env_divmod_result: size 8, align 4",
      "  offset  size  align  field  type",
      "       0     4      4  quot   int32_t",
      "       4     4      4  rem    int32_t",
      "",
      "  0       4       8",
      "  |quot...|rem....|",
    ].join("\n"));
  });

  test("x86_64: padding before an 8-aligned double and at the end", () => {
    const s = layout(decls(MIXED), { target: "x86_64-linux" }).imports[0]!.result!;
    expect(structTable(s).join("\n")).toBe([
      "struct env_mixed_result: size 24, align 8",
      "  offset  size  align  field      type",
      "       0     4      4  tag        int32_t",
      "       4     4         (padding)",
      "       8     8      8  value      double",
      "      16     4      4  extra      float",
      "      20     4         (padding)",
      "",
      "  0       4       8               16      20      24",
      "  |tag....|pad----|value..........|extra..|pad----|",
    ].join("\n"));
  });

  test("i686-linux: the double aligns to 4 inside the struct", () => {
    const s = layout(decls(MIXED), { target: "i686-linux" }).imports[0]!.result!;
    expect(structTable(s).join("\n")).toBe([
      "struct env_mixed_result: size 16, align 4",
      "  offset  size  align  field  type",
      "       0     4      4  tag    int32_t",
      "       4     8      4  value  double",
      "      12     4      4  extra  float",
      "",
      "  0       4               12      16",
      "  |tag....|value..........|extra..|",
    ].join("\n"));
  });

  test("long field names are cut to fit their bytes", () => {
    const f = fn("env", "long", [], [["quotient_of_things", "i32"], ["r", "i32"]]);
    const s = layout(decls(f), { target: "x86_64-linux" }).imports[0]!.result!;
    expect(structTable(s).at(-1)).toBe("  |quotien|r......|");
  });
});

test("explainText: header, one block per import, struct only for 2+ results", () => {
  const d = decls(DIVMOD, fn("env", "now", [], [["f0", "f64"]]));
  expect(explainText(d, layout(d, { target: "x86_64-linux" }))).toBe([
    "demo.d.ts: 2 imports, target x86_64-linux",
    "",
    "env.divmod  (demo.d.ts:2:3)",
    '  wasm  (import "env" "divmod" (func (param i32 i32) (result i32 i32)))',
    "  C     void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);",
    "  note  2 results: written through `out` (out-pointer rule)",
    "  note  `ctx` gives guest memory, user data and traps",
    "",
    "  struct env_divmod_result: size 8, align 4",
    "    offset  size  align  field  type",
    "         0     4      4  quot   int32_t",
    "         4     4      4  rem    int32_t",
    "",
    "    0       4       8",
    "    |quot...|rem....|",
    "",
    "env.now  (demo.d.ts:2:3)",
    '  wasm  (import "env" "now" (func (result f64)))',
    "  C     double env_now(hostbind_ctx *ctx);",
    "  note  one result: returned directly",
    "  note  `ctx` gives guest memory, user data and traps",
    "",
  ].join("\n"));
});

test("explainJson: plain data that round-trips, with layout numbers", () => {
  const d = decls(MIXED);
  const doc = JSON.parse(explainJson(d, layout(d, { target: "i686-linux" })));
  expect(doc.target.name).toBe("i686-linux");
  expect(doc.imports).toHaveLength(1);
  const imp = doc.imports[0];
  expect(imp.prototype).toBe("void env_mixed(env_mixed_result *out, hostbind_ctx *ctx, uint64_t x);");
  expect(imp.result.fields.map((f: { offset: number }) => f.offset)).toEqual([0, 4, 12]);
  expect(imp.function).toEqual(MIXED);
  expect(doc.stubMemory.outOffset).toEqual([256]);
});
