/**
 * memory64 and multi-memory guests (issue 21 item 8): native code reads a
 * memory64 guest's memory through 64-bit offsets (`hostbind_guest_ptr64`)
 * on Deno and Node, Bun (which has no memory64) refuses such a guest at
 * `host.instantiate()` with a message that says so, and a guest with two
 * memories binds the one `bind(instance, { memory })` names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.ts";
import { freshDir, lastJson, runUnder } from "../fuzz/harness.ts";
import { compileSharedLibrary, exec, RUNTIMES, TOOLS } from "../fuzz/tools.ts";
import { ROOT } from "../support/tmp.ts";

const DECLS = `export declare namespace env {
  /** The sum of len bytes at ptr, read through 64-bit offsets. */
  function sum64(ptr: u64, len: u64): u64;
  /** The sum of len bytes at ptr (32-bit offsets), in whichever memory is bound. */
  function sum32(ptr: u32, len: u32): u32;
}
`;
const IMPL = `#include "mem.h"
uint64_t env_sum64(hostbind_ctx *ctx, uint64_t ptr, uint64_t len) {
  const uint8_t *p = hostbind_guest_ptr64(ctx, ptr, len);
  uint64_t s = 0;
  if (p == NULL) { hostbind_trap(ctx, 1, "out of bounds"); return 0; }
  for (uint64_t i = 0; i < len; i++) s += p[i];
  return s;
}
uint32_t env_sum32(hostbind_ctx *ctx, uint32_t ptr, uint32_t len) {
  const uint8_t *p = hostbind_guest_ptr(ctx, ptr, len);
  uint32_t s = 0;
  if (p == NULL) { hostbind_trap(ctx, 1, "out of bounds"); return 0; }
  for (uint32_t i = 0; i < len; i++) s += p[i];
  return s;
}
`;
const MEM64 = `(module
  (import "env" "sum64" (func $sum64 (param i64 i64) (result i64)))
  (import "env" "sum32" (func $sum32 (param i32 i32) (result i32)))
  (memory (export "memory") i64 2)
  (data (i64.const 70000) "\\01\\02\\03\\04")
  (func (export "run") (result i64) (call $sum64 (i64.const 70000) (i64.const 4)))
  (func (export "outside") (result i64) (call $sum64 (i64.const 131070) (i64.const 4))))`;
const MULTI = `(module
  (import "env" "sum64" (func $sum64 (param i64 i64) (result i64)))
  (import "env" "sum32" (func $sum32 (param i32 i32) (result i32)))
  (memory $a (export "a") 1)
  (memory $b (export "b") 1)
  (data (memory $a) (i32.const 8) "\\01\\01\\01")
  (data (memory $b) (i32.const 8) "\\05\\05\\05")
  (func (export "run") (result i32) (call $sum32 (i32.const 8) (i32.const 3))))`;
const PROBE = `const [bindings, lib, mem64, multi] = (globalThis as any).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings);
const { readFileSync } = await import("node:fs");
const out: Record<string, unknown> = {};
{
  using host = load(lib);
  try {
    const instance = await host.instantiate(readFileSync(mem64));
    const e = instance.exports as any;
    out.run = String(e.run());
    try { e.outside(); } catch (x) { out.outside = (x as Error).message; }
  } catch (x) {
    out.refused = (x as Error).message;
  }
}
{
  using host = load(lib);
  try {
    await host.instantiate(readFileSync(multi));
  } catch (x) {
    out.ambiguous = (x as Error).message;
  }
}
{
  using host = load(lib);
  const instance = await host.instantiate(readFileSync(multi), {}, { memory: "b" });
  out.b = (instance.exports as any).run();
  host.bind(instance, { memory: "a", replace: true });
  out.a = (instance.exports as any).run();
  try { host.bind(instance, { memory: "c", replace: true }); } catch (x) { out.noSuch = (x as Error).message; }
}
console.log(JSON.stringify(out));
`;

let dir = "";
beforeAll(async () => {
  dir = freshDir("memories");
  for (const f of generate(DECLS, { file: "mem.d.ts", name: "mem" })) writeFileSync(join(dir, f.path), f.contents);
  writeFileSync(join(dir, "impl.c"), IMPL);
  writeFileSync(join(dir, "probe.ts"), PROBE);
  await compileSharedLibrary([join(dir, "impl.c")], join(dir, "libmem.so"), [`-I${dir}`]);
  for (const [name, text, flag] of [["mem64", MEM64, "--enable-memory64"], ["multi", MULTI, "--enable-multi-memory"]] as const) {
    writeFileSync(join(dir, `${name}.wat`), text);
    const r = await exec(TOOLS.wat2wasm, [flag, join(dir, `${name}.wat`), "-o", join(dir, `${name}.wasm`)]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
});

describe.each(RUNTIMES)("%s", (rt) => {
  it("memory64 through hostbind_guest_ptr64 (Bun: refused at instantiate), and the memory bind() is told to use", async () => {
    const r = await runUnder(rt, join(dir, "probe.ts").slice(ROOT.length + 1), [join(dir, "mem.ts"), join(dir, "libmem.so"), join(dir, "mem64.wasm"), join(dir, "multi.wasm")]);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson<Record<string, unknown>>(r);
    if (rt === "bun") {
      expect(out.refused).toMatch(/^hostbind: this runtime cannot compile the guest, a memory64 module \(.*\); Deno and Node run memory64 guests, Bun does not yet$/);
    } else {
      expect(out.run).toBe("10");
      expect(out.outside).toBe("env.sum64: out of bounds");
    }
    expect(out.ambiguous).toBe(
      'hostbind: bind() found 2 memories exported by the instance ("a", "b"); say which one native code sees, e.g. host.bind(instance, { memory: "a" })',
    );
    expect(out).toMatchObject({ b: 15, a: 3, noSuch: 'hostbind: bind() was told to use the memory "c", but the instance exports no memory by that name' });
  });
});
