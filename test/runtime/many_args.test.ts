/**
 * Bun's FFI refuses a native call of more than 31 arguments (issue 21 item
 * 6): such imports take the memory path on Bun, so a guest with a
 * 40-parameter import runs on Deno, Bun and Node alike; a `@noctx` one,
 * which has no shim, is refused at generate time when Bun bindings are asked
 * for, naming the import.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.ts";
import { freshDir, lastJson, runUnder } from "../fuzz/harness.ts";
import { assembleWat, compileSharedLibrary, RUNTIMES } from "../fuzz/tools.ts";

const N = 40;
const params = Array.from({ length: N }, (_, i) => `p${i}: i32`).join(", ");
const DECLS = `export declare namespace env {
  /** The weighted sum of 40 numbers. */
  function wide_sum(${params}): i32;
  /** The same, with two results. */
  function wide_pair(${params}): [sum: i32, count: i32];
}
`;
const cParams = Array.from({ length: N }, (_, i) => `int32_t p${i}`).join(", ");
const sum = Array.from({ length: N }, (_, i) => `${i + 1} * p${i}`).join(" + ");
const IMPL = `#include "many.h"
int32_t env_wide_sum(hostbind_ctx *ctx, ${cParams}) { (void)ctx; return ${sum}; }
void env_wide_pair(env_wide_pair_result *out, hostbind_ctx *ctx, ${cParams}) { (void)ctx; out->sum = ${sum}; out->count = ${N}; }
`;
const args = Array.from({ length: N }, (_, i) => `(i32.const ${i * 3 - 17})`).join(" ");
const GUEST = `(module
  (import "env" "wide_sum" (func $s (param ${"i32 ".repeat(N).trim()}) (result i32)))
  (import "env" "wide_pair" (func $p (param ${"i32 ".repeat(N).trim()}) (result i32 i32)))
  (func (export "sum") (result i32) (call $s ${args}))
  (func (export "pair") (result i32) (call $p ${args}) (i32.add)))`;
const PROBE = `const [bindings, lib, wasm] = (globalThis as any).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings);
const { readFileSync } = await import("node:fs");
using host = load(lib);
const instance = await host.instantiate(readFileSync(wasm));
const e = instance.exports as any;
console.log(JSON.stringify({ sum: e.sum(), pair: e.pair() }));
`;

let dir = "";
beforeAll(async () => {
  dir = freshDir("many-args");
  for (const f of generate(DECLS, { file: "many.d.ts", name: "many" })) writeFileSync(join(dir, f.path), f.contents);
  writeFileSync(join(dir, "impl.c"), IMPL);
  writeFileSync(join(dir, "guest.wat"), GUEST);
  writeFileSync(join(dir, "probe.ts"), PROBE);
  await compileSharedLibrary([join(dir, "impl.c")], join(dir, "libmany.so"), [`-I${dir}`]);
  await assembleWat(join(dir, "guest.wat"), join(dir, "guest.wasm"));
});

const want = Array.from({ length: N }, (_, i) => (i + 1) * (i * 3 - 17)).reduce((a, b) => a + b);

describe.each(RUNTIMES)("%s", (rt) => {
  it(`calls imports of ${N} parameters (on Bun through their shims)`, async () => {
    const r = await runUnder(rt, join(dir, "probe.ts").slice(join(dir, "..", "..").length + 1), [join(dir, "many.ts"), join(dir, "libmany.so"), join(dir, "guest.wasm")]);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r)).toEqual({ sum: want, pair: want + N });
  });
});

it("refuses a @noctx import Bun cannot call, naming it, only when Bun bindings are asked for", () => {
  const noctx = `export declare namespace env {\n  /** @noctx */\n  function wide_sum(${params}): i32;\n}\n`;
  expect(() => generate(noctx, { file: "n.d.ts" })).toThrow(/`env\.wide_sum` takes 40 arguments, and Bun's FFI takes at most 31 in a call/);
  expect(generate(noctx, { file: "n.d.ts", targets: ["c", "deno", "node"] }).map((f) => f.path)).toEqual(["n.h", "n.deno.ts", "n.node.ts", "n.ts"]);
});

it("the Bun bindings take the memory path for exactly the imports past Bun's limit", () => {
  const bun = generate(DECLS, { file: "many.d.ts", name: "many", targets: ["bun"] })[0]!.contents;
  expect(bun).toContain("hostbind_shim_env_wide_sum");
  expect(bun).toContain("hostbind_shim_env_wide_pair");
});
