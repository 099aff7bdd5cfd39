/**
 * Every golden header must compile warning-free with the flags docs/generated-api.md
 * promises (`-Wall -Wextra -Werror -pedantic`) as C11 and C++17, and for
 * i686 (`-m32`, which checks the header's i686 static assertions for real)
 * when this machine can build 32-bit code. A header made from hand-built IR
 * with every awkward case (hostile doc text, odd names, empty parameter
 * lists) goes through the same compilers, so these checks do not depend on
 * the parser. Finally a C implementation of the divmod fixture, written from
 * the contract in docs/ alone, is built into a shared library against the
 * generated header and called by a driver that checks results, traps and
 * `hostbind_guest_ptr` bounds.
 */
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, type TestContext } from "vitest";
import { emitHeader } from "../src/emit/c/mod.ts";
import { generate } from "../src/generate.ts";
import { compile, type CompileOptions, m32Unavailable, run } from "./support/cc.ts";
import { GOLDEN_DIR } from "./support/fixtures.ts";
import { declarations, emitContext, importFn } from "./support/ir.ts";
import { ROOT, tempDir, writeFiles } from "./support/tmp.ts";

/** Every golden header as `[label, contents]`, e.g. `["divmod/divmod.h", "..."]`. */
const GOLDEN_HEADERS: [string, string][] = readdirSync(GOLDEN_DIR).sort().flatMap((dir) =>
  readdirSync(join(GOLDEN_DIR, dir)).filter((f) => f.endsWith(".h")).sort().map((f): [string, string] => [
    `${dir}/${f}`,
    readFileSync(join(GOLDEN_DIR, dir, f), "utf8"),
  ])
);

/** A header from hand-built IR covering what fixtures cannot spell in TypeScript. */
function awkwardHeader(): [string, string] {
  const decls = declarations("/abs/path/awkward.d.ts", [
    {
      name: 'we"ird\\mod*/ule',
      doc: "Doc that tries */ to close, /* to nest, and ??/\ntrigraphs.",
      functions: [
        importFn('we"ird\\mod*/ule', "f", { symbol: "weird_f", doc: "*/ #error must stay in a comment" }),
        importFn('we"ird\\mod*/ule', "pair", { symbol: "weird_pair", results: ["f64", "i32"], noctx: true }),
      ],
    },
    {
      name: "env",
      functions: [
        importFn("env", "nothing", { noctx: true }),
        importFn("env", "kw", {
          params: [["int", "i32"], ["ctx", "u64"], ["out", "f32"], ["NULL", "f64"], ["__x", "i32"], ["9z", "i32"]],
          results: [["long", "i64"], ["offsetof", "i32"], ["_Bool", "f32"], ["out", "f64"]],
        }),
      ],
    },
  ]);
  return ["awkward.h (hand-built IR)", emitHeader(emitContext(decls, { name: "awkward" }))];
}

/** Warnings beyond the promise of docs/generated-api.md §1 that projects commonly turn on; the header should not trip them either. */
const EXTRA_C = ["-Wconversion", "-Wsign-conversion", "-Wshadow", "-Wundef", "-Wcast-qual", "-Wstrict-prototypes", "-Wmissing-prototypes"];
const EXTRA_CXX = ["-Wconversion", "-Wsign-conversion", "-Wshadow", "-Wundef", "-Wcast-qual", "-Wold-style-cast", "-Wzero-as-null-pointer-constant", "-Wuseless-cast"];

/** The variants every header is compiled in. */
interface Variant {
  label: string;
  lang: "c" | "c++";
  m32: boolean;
  extra?: readonly string[];
  /** Define HOSTBIND_IMPLEMENTATION, compiling the call shims too. */
  shims?: boolean;
}
const VARIANTS: Variant[] = [
  { label: "C11", lang: "c", m32: false },
  { label: "C++17", lang: "c++", m32: false },
  { label: "C11 -m32 (i686)", lang: "c", m32: true },
  { label: "C11 + extra warnings", lang: "c", m32: false, extra: EXTRA_C },
  { label: "C++17 + extra warnings", lang: "c++", m32: false, extra: EXTRA_CXX },
  { label: "C11 + HOSTBIND_IMPLEMENTATION + extra warnings", lang: "c", m32: false, extra: EXTRA_C, shims: true },
  { label: "C++17 + HOSTBIND_IMPLEMENTATION + extra warnings", lang: "c++", m32: false, extra: EXTRA_CXX, shims: true },
];

/** Skips the current test when it needs -m32 and the machine has no 32-bit toolchain. */
function needM32(ctx: TestContext): void {
  const why = m32Unavailable();
  if (why !== null) ctx.skip(why);
}

/** Compiles a translation unit that includes `header` twice (checking its guard) and returns the result. */
function compileHeader(header: string, variant: Variant): ReturnType<typeof compile> {
  const dir = tempDir(`header-${variant.lang}`);
  const ext = variant.lang === "c" ? "c" : "cpp";
  const [, src] = writeFiles(dir, {
    "gen.h": header,
    [`tu.${ext}`]: '#include "gen.h"\n#include "gen.h"\nint hostbind_tu_nonempty;\n',
  });
  return compile([src!], {
    lang: variant.lang,
    kind: "object",
    out: join(dir, "tu.o"),
    include: [dir],
    flags: [...(variant.m32 ? ["-m32"] : []), ...(variant.extra ?? []), ...(variant.shims ? ["-DHOSTBIND_IMPLEMENTATION"] : [])],
  });
}

describe.each([...GOLDEN_HEADERS, awkwardHeader()])("%s", (_label, header) => {
  it.for(VARIANTS.map((v) => [v.label, v] as const))("compiles as %s with -Wall -Wextra -Werror -pedantic", ([, variant], ctx) => {
    if (variant.m32) needM32(ctx);
    const r = compileHeader(header, variant);
    expect(r.ok, r.message).toBe(true);
  });
});

it("finds the golden headers", () => {
  expect(GOLDEN_HEADERS.length).toBeGreaterThanOrEqual(6);
});

describe("several generated headers in one translation unit", () => {
  const names = ["divmod", "libm", "mixed", "names", "keywords", "wide"];
  it.for(VARIANTS.map((v) => [v.label, v] as const))("%s", ([, variant], ctx) => {
    if (variant.m32) needM32(ctx);
    const dir = tempDir("many-headers");
    for (const n of names) copyFileSync(join(GOLDEN_DIR, n, `${n}.h`), join(dir, `${n}.h`));
    const ext = variant.lang === "c" ? "c" : "cpp";
    const [src] = writeFiles(dir, {
      [`tu.${ext}`]: names.map((n) => `#include "${n}.h"\n`).join("") + "int hostbind_tu_nonempty;\n",
    });
    const r = compile([src!], {
      lang: variant.lang,
      kind: "object",
      out: join(dir, "tu.o"),
      include: [dir],
      flags: [...(variant.m32 ? ["-m32"] : []), ...(variant.extra ?? []), ...(variant.shims ? ["-DHOSTBIND_IMPLEMENTATION"] : [])],
    });
    expect(r.ok, r.message).toBe(true);
  });
});

describe("names of any length", () => {
  it("give headers that pass -std=c11 -pedantic -Werror and C++17 (no string literal past 4,095 characters)", () => {
    const dir = tempDir("long-names");
    const long = "f".repeat(4100);
    const label = "r".repeat(4200);
    const [h] = generate(`declare namespace env { function ${long}(p${"q".repeat(4200)}: i32): [${label}: i32, b: f64]; }`, { file: "long.d.ts", targets: ["c"] });
    writeFiles(dir, { [h!.path]: h!.contents });
    const [src] = writeFiles(dir, { "tu.c": '#include "long.h"\nint hostbind_tu_nonempty;\n' });
    for (const lang of ["c", "c++"] as const) {
      const r = compile([src!], { lang, kind: "syntax", include: [dir], flags: lang === "c++" ? ["-x", "c++"] : [] });
      expect(r.ok, r.message.slice(0, 2000)).toBe(true);
    }
  });
});

describe("headers whose names spell alike", () => {
  it("have their own include guards, so one translation unit includes them all", () => {
    const dir = tempDir("alike-headers");
    const names = ["my-lib", "my_lib", "My_Lib", "my.lib"];
    names.forEach((name, i) => {
      const [h] = generate(`declare namespace m${i} { function f(): i32; }`, { file: "x.d.ts", name, targets: ["c"] });
      writeFiles(dir, { [h!.path]: h!.contents });
    });
    const [src] = writeFiles(dir, { "tu.c": names.map((n) => `#include "${n}.h"\n`).join("") + "int32_t (*const every[])(hostbind_ctx *) = { m0_f, m1_f, m2_f, m3_f };\n" });
    const guards = names.map((n) => /#ifndef (\w+)/.exec(readFileSync(join(dir, `${n}.h`), "utf8"))![1]);
    expect(new Set(guards).size).toBe(names.length);
    const r = compile([src!], { kind: "object", out: join(dir, "tu.o"), include: [dir] });
    expect(r.ok, r.message).toBe(true);
  });
});

describe("a divmod library written from docs/abi.md alone", () => {
  let dir = "";
  beforeAll(() => {
    dir = tempDir("divmod-lib");
    copyFileSync(join(GOLDEN_DIR, "divmod", "divmod.h"), join(dir, "divmod.h"));
  });

  /** Builds libdivmod as a shared library and the driver against it; runs the driver. */
  function buildAndRun(flags: readonly string[], suffix: string): void {
    const native = join(ROOT, "test", "native");
    const common: CompileOptions = { include: [dir], flags };
    const lib = compile([join(native, "divmod.c")], { ...common, kind: "shared", out: join(dir, `libdivmod${suffix}.so`) });
    expect(lib.ok, lib.message).toBe(true);
    const exe = compile([join(native, "divmod_driver.c")], {
      ...common,
      out: join(dir, `driver${suffix}`),
      libs: [`-L${dir}`, `-ldivmod${suffix}`, `-Wl,-rpath,${dir}`],
    });
    expect(exe.ok, exe.message).toBe(true);
    const r = run(exe.out);
    expect(r.stdout + r.stderr).toMatch(/^ok \d+\n$/);
    expect(r.status).toBe(0);
  }

  it("builds with -shared -fPIC and passes the driver (64-bit)", () => buildAndRun([], ""));

  it("builds and passes the driver for i686 (-m32)", (ctx) => {
    needM32(ctx);
    buildAndRun(["-m32"], "32");
  });
});
