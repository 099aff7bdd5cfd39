/**
 * The Rust output compiled by the real `rustc` (no crates, `-D warnings`), in
 * editions 2021 and 2024: every fixture's `.rs` builds as a module and
 * through `include!`, and so do the implementation examples in its docs; a
 * divmod-style `cdylib` implemented against it is called from C through the
 * generated header, proving the two ABIs agree at run time; and a wrong
 * layout number makes the build fail with the assertion's message.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitHeader } from "../src/emit/c/mod.ts";
import { emitRust } from "../src/emit/rust/mod.ts";
import { parseDeclarations } from "../src/generate.ts";
import { batchSignatures } from "./fuzz/fuzz.ts";
import { declarationText } from "./fuzz/signature.ts";
import { compile, run } from "./support/cc.ts";
import { declarations, emitContext, importFn } from "./support/ir.ts";
import { tempDir, writeFiles } from "./support/tmp.ts";

const FIXTURES = resolve(import.meta.dirname, "fixtures");

/** The generated `.rs` of a fixture file. */
function rustOf(fixture: string): string {
  const decls = parseDeclarations(readFileSync(join(FIXTURES, fixture), "utf8"), { file: fixture });
  return emitRust(emitContext(decls));
}

/** The Rust editions the output and its documented examples must compile in. */
const EDITIONS = ["2021", "2024"] as const;

/** Runs rustc (warnings are errors) in `dir`; returns its status and diagnostics. */
function rustc(dir: string, edition: string, args: string[]): { ok: boolean; message: string } {
  const all = ["--edition", edition, "-D", "warnings", ...args];
  const r = spawnSync("rustc", all, { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { ok: r.status === 0, message: `rustc ${all.join(" ")}\n${r.stderr}${r.error ?? ""}` };
}

const IMPL = `#[path = "divmod.rs"]
mod divmod;

use divmod::{EnvDivmodFn, EnvDivmodResult, EnvLogFn, EnvNowFn, HostbindCtx};

#[unsafe(no_mangle)]
pub unsafe extern "C" fn env_divmod(out: *mut EnvDivmodResult, ctx: *mut HostbindCtx, a: i32, b: i32) {
    let ctx = unsafe { &mut *ctx };
    if b == 0 {
        ctx.trap(7, "division by zero: \\u{e9}\\u{e9}");
        return;
    }
    unsafe { out.write(EnvDivmodResult { quot: a / b, rem: a % b }) };
}
const _: EnvDivmodFn = env_divmod;

#[unsafe(no_mangle)]
pub extern "C" fn env_now(ctx: *mut HostbindCtx) -> f64 {
    // A safe extern fn coerces to the unsafe alias too.
    let ctx = unsafe { &*ctx };
    ctx.memory_size() as f64 + if ctx.user_data().is_null() { 0.5 } else { 0.25 }
}
const _: EnvNowFn = env_now;

/// Writes \`value\` as 4 little-endian bytes at guest offset 16, or traps when out of bounds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn env_log(ctx: *mut HostbindCtx, value: i32) {
    let ctx = unsafe { &mut *ctx };
    match ctx.guest_bytes_mut(16, 4) {
        Some(bytes) => bytes.copy_from_slice(&value.to_le_bytes()),
        None => ctx.trap(2, &"x".repeat(300)),
    }
}
const _: EnvLogFn = env_log;
`;

const HARNESS = `#include <stdio.h>
#include <string.h>
#include "divmod.h"

#define CHECK(c) do { if (!(c)) { printf("FAILED line %d: %s\\n", __LINE__, #c); return 1; } } while (0)

int main(void) {
  static hostbind_ctx ctx;
  uint8_t guest[32] = {0};
  env_divmod_result r = {0, 0};
  env_divmod(&r, &ctx, 47, 5);
  CHECK(r.quot == 9 && r.rem == 2 && !ctx.trapped);
  env_divmod(&r, &ctx, 1, 0);
  CHECK(ctx.trapped == 1 && ctx.trap_code == 7);
  CHECK(strcmp(ctx.trap_message, "division by zero: \\xc3\\xa9\\xc3\\xa9") == 0);
  ctx.trapped = 0;
  CHECK(env_now(&ctx) == 0.5);
  env_log(&ctx, 1);
  /* No memory bound: guest_bytes_mut raised the first trap, and the function's own does not replace it. */
  CHECK(ctx.trapped == 1 && ctx.trap_code == HOSTBIND_TRAP_NO_MEMORY && strcmp(ctx.trap_message, "no guest memory is bound") == 0);
  ctx.trapped = 0;
  ctx.memory = guest;
  ctx.memory_size = sizeof guest;
  ctx.user_data = &ctx;
  CHECK(env_now(&ctx) == 32.25);
  env_log(&ctx, 0x01020304);
  CHECK(!ctx.trapped && guest[16] == 4 && guest[19] == 1);
  ctx.memory_size = 19;
  env_log(&ctx, 5);
  CHECK(ctx.trapped == 1 && guest[16] == 4);
  CHECK(ctx.trap_code == 2 && strlen(ctx.trap_message) == HOSTBIND_TRAP_MESSAGE_SIZE - 1);
  puts("ok");
  return 0;
}
`;

describe.each(EDITIONS)("Rust output with rustc, edition %s", (edition) => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir(`rust-output-${edition}`);
  });

  it("implements the divmod fixture in a cdylib that C calls through the generated header", () => {
    const decls = parseDeclarations(readFileSync(join(FIXTURES, "divmod.d.ts"), "utf8"), { file: "divmod.d.ts" });
    const cx = emitContext(decls);
    writeFiles(dir, { "divmod.rs": emitRust(cx), "divmod.h": emitHeader(cx), "lib.rs": IMPL, "harness.c": HARNESS });
    const lib = rustc(dir, edition, ["--crate-type", "cdylib", "--crate-name", "divmod", "-o", "libdivmod.so", "lib.rs"]);
    expect(lib.ok, lib.message).toBe(true);
    const exe = compile([join(dir, "harness.c")], {
      out: join(dir, "harness"),
      include: [dir],
      libs: [`-L${dir}`, "-ldivmod", `-Wl,-rpath,${dir}`],
    });
    expect(exe.ok, exe.message).toBe(true);
    const out = run(exe.out);
    expect(out.stdout + out.stderr).toBe("ok\n");
  });

  it("compiles every fixture's .rs as a module and through include!, with no warnings", () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".d.ts")).sort();
    expect(fixtures.length).toBeGreaterThan(3);
    const files: Record<string, string> = {};
    const mods: string[] = [];
    const includes: string[] = [];
    for (const f of fixtures) {
      const stem = f.replace(/\.d\.ts$/, "").replace(/[^a-z0-9_]/g, "_");
      files[`gen/${stem}.rs`] = rustOf(f);
      mods.push(`#[path = "gen/${stem}.rs"]\nmod ${stem};`);
      includes.push(`mod inc_${stem} {\n    include!("gen/${stem}.rs");\n}`);
    }
    files["all.rs"] = `${mods.join("\n")}\n${includes.join("\n")}\n`;
    writeFiles(dir, files);
    const r = rustc(dir, edition, ["--crate-type", "lib", "--emit", "metadata", "-o", "liball.rmeta", "all.rs"]);
    expect(r.ok, r.message).toBe(true);
  });

  it("compiles the implementation examples its docs show, exactly as written", () => {
    // Every `#[unsafe(...)]` / signature / `const _` triple in a doc comment,
    // with the elided body filled in; each fixture in its own module.
    const example = /^\/\/\/? {1,5}(#\[.*\])\n\/\/\/? {1,5}(.* \{ … \})\n\/\/\/? {1,5}(const _: .*;)$/gm;
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".d.ts")).sort();
    const files: Record<string, string> = {};
    const mods: string[] = [];
    let count = 0;
    for (const f of fixtures) {
      const stem = f.replace(/\.d\.ts$/, "").replace(/[^a-z0-9_]/g, "_");
      const rs = rustOf(f);
      // The file's intro repeats the first import's example.
      const examples = [...new Set([...rs.matchAll(example)].map((m) => `${m[1]}\n${m[2].replace("{ … }", "{ unimplemented!() }")}\n${m[3]}`))];
      count += examples.length;
      files[`doc/${stem}.rs`] = rs;
      mods.push(`mod doc_${stem} {\n    #![allow(unused_variables, dead_code)]\n    include!("doc/${stem}.rs");\n${examples.join("\n")}\n}`);
    }
    expect(count).toBeGreaterThan(fixtures.length);
    files["doc_all.rs"] = `${mods.join("\n")}\n`;
    writeFiles(dir, files);
    const r = rustc(dir, edition, ["--crate-type", "lib", "--emit", "metadata", "-o", "libdocall.rmeta", "doc_all.rs"]);
    expect(r.ok, r.message).toBe(true);
  });

  it("compiles names that need escaping: keywords, shared stems, camelCase fields, keyword symbols", () => {
    const decls = declarations("edge.d.ts", [{
      name: "m",
      functions: [
        importFn("m", "a", { symbol: "foo_bar", params: [["type", "i32"], ["fn", "i64"]], results: [["match", "f32"], ["Self", "f64"]] }),
        importFn("m", "b", { symbol: "fooBar", results: [["maxValue", "u32"], ["min", "u64"]] }),
        importFn("m", "c", { symbol: "loop", params: [["self", "i32"]], results: ["u32"] }),
      ],
    }]);
    const impl = `#[path = "edge.rs"]
mod edge;

#[unsafe(export_name = "loop")]
pub extern "C" fn loop_impl(_ctx: *mut edge::HostbindCtx, x: i32) -> u32 {
    x as u32
}
const _: edge::LoopFn = loop_impl;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn foo_bar(out: *mut edge::FooBarResult, _ctx: *mut edge::HostbindCtx, a: i32, b: i64) {
    unsafe { *out = edge::FooBarResult { match_: a as f32, Self_: b as f64 } };
}
const _: edge::FooBarFn = foo_bar;
`;
    writeFiles(dir, { "edge.rs": emitRust(emitContext(decls)), "edge_lib.rs": impl });
    const r = rustc(dir, edition, ["--crate-type", "cdylib", "--crate-name", "edge", "-o", "libedge.so", "edge_lib.rs"]);
    expect(r.ok, r.message).toBe(true);
    const nm = spawnSync("nm", ["-D", "--defined-only", join(dir, "libedge.so")], { encoding: "utf8" });
    expect(nm.stdout).toMatch(/ T loop\n/);
    expect(nm.stdout).toMatch(/ T foo_bar\n/);
  });

  it("compiles the .rs of 100 random fuzzer signatures (up to 8 params, 6 results of every type)", () => {
    const sigs = [0, 1].flatMap((b) => batchSignatures(62, b, 50).map((x) => ({ ...x, name: `b${b}_${x.name}` })));
    const decls = parseDeclarations(declarationText(sigs), { file: "fz.d.ts" });
    writeFiles(dir, { "fz.rs": emitRust(emitContext(decls)) });
    const r = rustc(dir, edition, ["--crate-type", "lib", "--emit", "metadata", "-o", "libfz.rmeta", "fz.rs"]);
    expect(r.ok, r.message).toBe(true);
  });

  it("fails to build when a layout assertion does not hold", () => {
    const rs = rustOf("divmod.d.ts");
    const wrong = rs.replace(
      "offset_of!(EnvDivmodResult, rem) == 4,",
      "offset_of!(EnvDivmodResult, rem) == 8,",
    );
    expect(wrong).not.toBe(rs);
    writeFileSync(join(dir, "wrong.rs"), wrong);
    const r = rustc(dir, edition, ["--crate-type", "lib", "--emit", "metadata", "-o", "libwrong.rmeta", "wrong.rs"]);
    expect(r.ok).toBe(false);
    expect(r.message).toContain("EnvDivmodResult: offset of rem");
  });
});
