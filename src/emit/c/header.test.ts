/**
 * Unit tests of the C header emitter on hand-built IR (no parser): the shape
 * of prototypes under the out-pointer rule, result structs and their
 * per-target assertions, escaping of names and doc text, determinism.
 * `test/header_compile.test.ts` compiles what these check textually.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../test/support/cc.ts";
import { tempDir, writeFiles } from "../../../test/support/tmp.ts";
import type { ImportFunction } from "../../ir/types.ts";
import { layout } from "../../layout/mod.ts";
import { declarations, emitContext, importFn } from "../../../test/support/ir.ts";
import { emitHeader } from "./mod.ts";

/** The header for one module `env` holding `fns`. */
function headerOf(fns: ImportFunction[], module = "env", name = "test"): string {
  return emitHeader(emitContext(declarations(`${name}.d.ts`, [{ name: module, functions: fns }]), { name }));
}

/** The lines of `header` that declare `symbol` (its prototype). */
function prototypeOf(header: string, symbol: string): string {
  const at = header.split("\n").findIndex((l) => new RegExp(`^\\w+ ${symbol}\\(`).test(l));
  expect(at, `prototype of ${symbol}`).toBeGreaterThanOrEqual(0);
  const lines = header.split("\n").slice(at);
  return lines.slice(0, lines.findIndex((l) => l.endsWith(";")) + 1).join("\n");
}

describe("prototypes follow the out-pointer rule", () => {
  const header = headerOf([
    importFn("env", "tick"),
    importFn("env", "now", { results: ["f64"] }),
    importFn("env", "divmod", { params: [["a", "i32"], ["b", "i32"]], results: [["quot", "i32"], ["rem", "i32"]] }),
    importFn("env", "many", { params: [["x", "u64"]], results: ["i32", "u32", "i64", "u64", "f32", "f64"] }),
  ]);

  it.each([
    ["env_tick", "void env_tick(hostbind_ctx *ctx);"],
    ["env_now", "double env_now(hostbind_ctx *ctx);"],
    ["env_divmod", "void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);"],
    ["env_many", "void env_many(env_many_result *out, hostbind_ctx *ctx, uint64_t x);"],
  ])("%s", (symbol, want) => {
    expect(prototypeOf(header, symbol)).toBe(want);
  });

  it("declares a result struct only for two or more results, fields in order", () => {
    expect(header).not.toContain("env_now_result");
    expect(header).not.toContain("env_tick_result");
    expect(header).toContain("typedef struct env_divmod_result {\n  int32_t quot;\n  int32_t rem;\n} env_divmod_result;");
    expect(header).toContain(
      "typedef struct env_many_result {\n  int32_t f0;\n  uint32_t f1;\n  int64_t f2;\n  uint64_t f3;\n  float f4;\n  double f5;\n} env_many_result;",
    );
  });

  it("says which wasm import each function serves and how it returns", () => {
    expect(header).toContain('wasm:   (import "env" "divmod" (func (param i32 i32) (result i32 i32)))');
    expect(header).toContain('wasm:   (import "env" "tick" (func))');
    expect(header).toContain('wasm:   (import "env" "many" (func (param i64) (result i32 i32 i64 i64 f32 f64)))');
    expect(header).toContain("native: 2 results, written to *out (out-pointer rule) before returning.");
    expect(header).toContain("native: one result, returned directly.");
    expect(header).toContain("native: no result, returns void.");
  });
});

describe("@noctx", () => {
  const header = headerOf([
    importFn("m", "hypot", { params: [["x", "f64"], ["y", "f64"]], results: ["f64"], noctx: true, symbol: "hypot" }),
    importFn("m", "nothing", { noctx: true }),
    importFn("m", "pair", { results: ["f32", "f32"], noctx: true }),
  ], "m");

  it("drops the context and writes (void) for an empty list", () => {
    expect(prototypeOf(header, "hypot")).toBe("double hypot(double x, double y);");
    expect(prototypeOf(header, "m_nothing")).toBe("void m_nothing(void);");
    expect(prototypeOf(header, "m_pair")).toBe("void m_pair(m_pair_result *out);");
    expect(header).toContain("@noctx: takes no hostbind_ctx");
  });
});

describe("names", () => {
  it("renames parameters and fields that are keywords or clash with out/ctx", () => {
    const header = headerOf([
      importFn("env", "kw", {
        params: [["int", "i32"], ["ctx", "i32"], ["out", "i32"], ["class", "f32"], ["NULL", "i32"]],
        results: [["long", "i32"], ["short", "i64"]],
      }),
    ]);
    // Also longer than 100 columns, so one parameter per line.
    expect(prototypeOf(header, "env_kw")).toBe([
      "void env_kw(",
      "    env_kw_result *out,",
      "    hostbind_ctx *ctx,",
      "    int32_t int_,",
      "    int32_t ctx_,",
      "    int32_t out_,",
      "    float class_,",
      "    int32_t NULL_);",
    ].join("\n"));
    expect(header).toContain("  int32_t long_;\n  int64_t short_;\n");
    expect(header).toContain("HOSTBIND_CHECK_OFFSET(env_kw_result, short_, 8, \"\");");
  });

  it("escapes module names in symbols, comments and the include guard", () => {
    const header = headerOf([importFn("my-lib.v2", "get", { results: ["i32"] })], "my-lib.v2", "my-lib.v2");
    const guard = /#ifndef (HOSTBIND_MY_LIB_V2_[0-9A-F]{8}_H)\n#define \1\n/.exec(header)?.[1];
    expect(guard).toBeDefined();
    expect(header).toContain(`#endif /* ${guard} */\n`);
    expect(prototypeOf(header, "my_lib_v2_get")).toBe("int32_t my_lib_v2_get(hostbind_ctx *ctx);");
    expect(header).toContain('/* Imports of module "my-lib.v2". */');
  });

  it("prints wasm names as wasm text strings", () => {
    const header = headerOf([importFn('q"ote\\café', "f", { symbol: "qf" })], 'q"ote\\café');
    expect(header).toContain('(import "q\\"ote\\\\caf\\c3\\a9" "f" (func))');
  });
});

describe("doc text", () => {
  it("carries JSDoc into comments without letting it close or nest them", () => {
    const header = headerOf([
      importFn("env", "evil", { doc: "Ends early */ here, nests /* there,\ntrigraph ??/\nand ok.", results: ["i32", "i32"] }),
    ], "env");
    expect(header).toContain(" * Ends early * / here, nests / * there,\n * trigraph ? ?/\n * and ok.\n");
    // Every comment opened is closed by the next "*/", and no other "*/" or "/*" appears.
    const stripped = header.replace(/\/\*[\s\S]*?\*\//g, "");
    expect(stripped).not.toMatch(/\/\*|\*\//);
    expect(stripped).not.toContain("trigraph");
  });

  it("puts the module doc under the module heading and the input's base name in the intro", () => {
    const decls = declarations("/home/someone/project/api.d.ts", [{
      name: "env",
      doc: "Functions the guest imports from env.",
      functions: [importFn("env", "now", { results: ["f64"] })],
    }]);
    const header = emitHeader(emitContext(decls));
    expect(header.split("\n")[0]).toBe("/* generated by hostbind — do not edit */");
    expect(header).toContain("api.h: the native functions behind the wasm imports declared in api.d.ts.");
    expect(header).not.toContain("/home/");
    expect(header).toContain('/*\n * Imports of module "env".\n *\n * Functions the guest imports from env.\n */');
  });
});

describe("layout assertions", () => {
  it("asserts one layout when 64-bit and i686 agree", () => {
    const header = headerOf([importFn("env", "p", { results: ["i32", "f32", "u32"] })]);
    expect(header).not.toContain("__i386__");
    expect(header).toContain('HOSTBIND_CHECK_SIZE(env_p_result, 12, "");');
    expect(header).toContain('HOSTBIND_CHECK_ALIGN(env_p_result, 4, "");');
  });

  it("splits by target when 8-byte fields align differently on i686", () => {
    const header = headerOf([importFn("env", "mixed", { results: [["a", "i32"], ["b", "f64"], ["c", "f32"], ["d", "i64"]] })]);
    const want = [
      "#if defined(__i386__) && !defined(_WIN32)",
      'HOSTBIND_CHECK_SIZE(env_mixed_result, 24, " on i686");',
      'HOSTBIND_CHECK_ALIGN(env_mixed_result, 4, " on i686");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, a, 0, " on i686");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, b, 4, " on i686");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, c, 12, " on i686");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, d, 16, " on i686");',
      "#else",
      'HOSTBIND_CHECK_SIZE(env_mixed_result, 32, "");',
      'HOSTBIND_CHECK_ALIGN(env_mixed_result, 8, "");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, a, 0, "");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, b, 8, "");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, c, 16, "");',
      'HOSTBIND_CHECK_OFFSET(env_mixed_result, d, 24, "");',
      "#endif",
    ].join("\n");
    expect(header).toContain(want);
  });

  it.each(["c", "c++"] as const)("a wrong number fails to compile, showing the check and the line that names the struct and field (%s)", (lang) => {
    const header = headerOf([importFn("env", "divmod", { results: [["quot", "i32"], ["rem", "i32"]] })]);
    const wrong = header.replace('HOSTBIND_CHECK_OFFSET(env_divmod_result, rem, 4, "");', 'HOSTBIND_CHECK_OFFSET(env_divmod_result, rem, 8, "");');
    expect(wrong).not.toBe(header);
    const dir = tempDir("check-macros");
    const ext = lang === "c" ? "c" : "cc";
    for (const [text, ok] of [[header, true], [wrong, false]] as const) {
      const [, src] = writeFiles(dir, { "test.h": text, [`use.${ext}`]: '#include "test.h"\nint hb_use;\n' });
      const r = compile([src!], { lang, kind: "syntax" });
      expect(r.ok, r.stderr).toBe(ok);
      if (!ok) {
        expect(r.stderr).toContain("hostbind result struct: a field offset differs from the bindings");
        expect(r.stderr).toContain('HOSTBIND_CHECK_OFFSET(env_divmod_result, rem, 8, "")');
      }
    }
  });

  it("asserts the context layout from the CTX table, on 64-bit targets only", () => {
    const header = headerOf([]);
    expect(header).toContain(
      "#if UINTPTR_MAX == UINT64_MAX\n"
        + 'HOSTBIND_STATIC_ASSERT(sizeof(hostbind_ctx) == 256, "hostbind_ctx: size");\n',
    );
    expect(header).toContain('offsetof(hostbind_ctx, trapped) == 28, "hostbind_ctx: offset of trapped"');
    expect(header).toMatch(
      /uint8_t \*memory;[\s\S]*uint64_t memory_size;[\s\S]*void \*user_data;[\s\S]*int32_t trap_code;[\s\S]*int32_t trapped;[\s\S]*char trap_message\[HOSTBIND_TRAP_MESSAGE_SIZE\];/,
    );
  });
});

describe("determinism", () => {
  it("takes its numbers from fixed targets, never the machine, and does not depend on repetition", () => {
    const decls = declarations("d.d.ts", [{
      name: "env",
      functions: [importFn("env", "m", { params: [["x", "f64"]], results: ["i32", "f64"] })],
    }]);
    const cx = emitContext(decls);
    expect([cx.layout.target.name, cx.i686.target.name]).toEqual(["x86_64-linux", "i686-linux"]);
    const a = emitHeader(cx);
    expect(a).toContain("HOSTBIND_CHECK_SIZE(env_m_result, 12, \" on i686\");");
    expect(a).toContain("HOSTBIND_CHECK_SIZE(env_m_result, 16, \"\");");
    expect(emitHeader(emitContext(decls))).toBe(a);
  });

  it("groups functions under their modules in declaration order", () => {
    const decls = declarations("two.d.ts", [
      { name: "b", functions: [importFn("b", "one"), importFn("b", "two")] },
      { name: "a", functions: [importFn("a", "three")] },
    ]);
    const header = emitHeader(emitContext(decls));
    const order = ['module "b"', "b_one(", "b_two(", 'module "a"', "a_three("].map((s) => header.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });
});
