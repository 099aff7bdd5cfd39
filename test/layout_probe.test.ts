/**
 * The layout engine against a real C compiler: a seeded PRNG makes a few
 * hundred result structs (2–8 fields of random value types, labelled with
 * ordinary names, keywords and clashing names), the C emitter writes a header
 * for them, and a probe program compiled against that header prints the
 * compiler's own `sizeof`, alignment and `offsetof` of every struct. Those
 * numbers must equal the layout engine's for the host target — and for
 * i686-linux when `cc -m32` works. The header's static assertions are also
 * compiled, so a wrong number fails twice, once with the compiler's message.
 *
 * Reproduce a failure with the seed printed in the test name.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitHeader } from "../src/emit/c/mod.ts";
import { type ValueType, VALUE_TYPES } from "../src/ir/types.ts";
import type { Declarations, ImportFunction } from "../src/ir/types.ts";
import { hostTarget, layout, type Layout, type StructLayout } from "../src/layout/mod.ts";
import { Prng } from "./fuzz/prng.ts";
import { compile, m32Unavailable, run } from "./support/cc.ts";
import { declarations, emitContext, importFn, type ResultSpec } from "./support/ir.ts";
import { tempDir, writeFiles } from "./support/tmp.ts";

const SEED = Number(process.env.LAYOUT_SEED ?? 0x5eed_1a70);
const STRUCTS = 240;
const MODULES = ["probe", "my-lib.v2", "wasi:io/streams@0.2.0"];
const LABELS = ["a", "b", "value", "len", "int", "long", "out", "ctx", "offsetof", "NULL", "class", "x", "x", "_Bool"];

/** Random declarations: `STRUCTS` imports with 2–8 results each, spread over a few modules. */
function randomDeclarations(seed: number): Declarations {
  const r = new Prng(seed);
  const byModule = new Map<string, ImportFunction[]>(MODULES.map((m) => [m, []]));
  for (let i = 0; i < STRUCTS; i++) {
    const module = r.pick(MODULES);
    const results: ResultSpec[] = [];
    const fields = 2 + r.int(7);
    for (let k = 0; k < fields; k++) {
      const type: ValueType = r.pick(VALUE_TYPES);
      results.push(r.chance(0.5) ? [r.pick(LABELS), type] : type);
    }
    const params = Array.from({ length: r.int(4) }, (_, k) => [`p${k}`, r.pick(VALUE_TYPES)] as const);
    byModule.get(module)!.push(importFn(module, `s${i}`, { results, params, noctx: r.chance(0.2) }));
  }
  return declarations("probe.d.ts", MODULES.map((name) => ({ name, functions: byModule.get(name)! })));
}

/** A C program printing `name size align off0 off1 …` for every result struct of `l`. */
function probeSource(l: Layout): string {
  const lines = ['#include "probe.h"', "#include <stdio.h>", "", "int main(void) {"];
  for (const imp of l.imports) {
    const s = imp.result;
    if (s === null) continue;
    lines.push(`  printf("%s %zu %zu", "${s.name}", sizeof(${s.name}), (size_t)HOSTBIND_ALIGNOF(${s.name}));`);
    for (const f of s.fields) lines.push(`  printf(" %zu", offsetof(${s.name}, ${f.name}));`);
    lines.push('  printf("\\n");');
  }
  lines.push("  return 0;", "}", "");
  return lines.join("\n");
}

/** The engine's numbers in the probe's output format. */
function expectedLines(l: Layout): string[] {
  return l.imports.flatMap((imp) => (imp.result === null ? [] : [describeStruct(imp.result)]));
}

function describeStruct(s: StructLayout): string {
  return [s.name, s.size, s.align, ...s.fields.map((f) => f.offset)].join(" ");
}

/** Emits the header, compiles the probe with `flags`, runs it and returns its lines. */
function probe(decls: Declarations, flags: readonly string[], label: string): string[] {
  const dir = tempDir(`layout-probe-${label}`);
  const l = layout(decls, { target: "x86_64-linux" });
  const [, src] = writeFiles(dir, { "probe.h": emitHeader(emitContext(decls, { name: "probe" })), "probe.c": probeSource(l) });
  const exe = compile([src!], { include: [dir], flags, out: join(dir, "probe") });
  expect(exe.ok, exe.message).toBe(true);
  const r = run(exe.out);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd().split("\n");
}

describe(`layout probe, seed ${SEED}`, () => {
  const decls = randomDeclarations(SEED);

  it("covers every value type at every field position and enough structs", () => {
    const fns = decls.modules.flatMap((m) => m.functions);
    expect(fns.length).toBeGreaterThanOrEqual(200);
    for (let pos = 0; pos < 2; pos++) {
      const seen = new Set(fns.map((f) => f.results[pos]!.type));
      expect([...seen].sort()).toEqual([...VALUE_TYPES].sort());
    }
    // Both layouts must actually differ somewhere, or the i686 run proves little.
    const wide = expectedLines(layout(decls, { target: "x86_64-linux" }));
    const narrow = expectedLines(layout(decls, { target: "i686-linux" }));
    expect(wide.filter((w, i) => w !== narrow[i]).length).toBeGreaterThan(STRUCTS / 2);
  });

  it(`matches the compiler on the host (${hostTarget().name})`, () => {
    const got = probe(decls, [], "host");
    expect(got).toEqual(expectedLines(layout(decls, { target: hostTarget() })));
  });

  it("matches the compiler on i686-linux (-m32)", (ctx) => {
    const why = m32Unavailable();
    if (why !== null) ctx.skip(why);
    const got = probe(decls, ["-m32"], "i686");
    expect(got).toEqual(expectedLines(layout(decls, { target: "i686-linux" })));
  });
});
