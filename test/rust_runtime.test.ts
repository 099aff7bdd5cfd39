/**
 * Both halves of issue 6 end to end: a guest compiled with the real
 * `wat2wasm` is the only input; its bindings and its `.rs` are generated from
 * the `.wasm`; the host functions are written in Rust against that `.rs` and
 * built with the real `rustc`; the guest then runs under the real Deno and
 * Bun, calling into Rust through the generated stubs (two results, guest
 * memory through the context, traps with a UTF-8 message).
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitRust } from "../src/emit/rust/mod.ts";
import { generate, parseWasm } from "../src/generate.ts";
import { wat } from "./support/wat.ts";
import { emitContext } from "./support/ir.ts";
import { tempDir, writeFiles } from "./support/tmp.ts";
import { NODE26 } from "./support/tools.ts";

const BIN = resolve(import.meta.dirname, "../node_modules/.bin");

const GUEST = `(module
  (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (import "env" "store" (func $store (param i32 i32)))
  (import "env" "wide" (func $wide (param i64 f64) (result f64 i64 f32)))
  (import "env" "check" (func $check (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "check") (param i32) (result i32)
    (call $check (local.get 0)))
  ;; quot * 1000 + rem, so one number shows both results.
  (func (export "divmod") (param i32 i32) (result i32)
    (local $q i32)
    (call $divmod (local.get 0) (local.get 1))
    (local.set 1)
    (local.set $q)
    (i32.add (i32.mul (local.get $q) (i32.const 1000)) (local.get 1)))
  ;; The host writes v at guest offset p; the guest reads it back.
  (func (export "roundtrip") (param $p i32) (param $v i32) (result i32)
    (call $store (local.get $p) (local.get $v))
    (i32.load (local.get $p)))
  ;; f64 + i64 + f32 of the host's three results.
  (func (export "wide") (param i64 f64) (result f64)
    (local $f f32) (local $i i64)
    (call $wide (local.get 0) (local.get 1))
    (local.set $f)
    (local.set $i)
    (f64.add (f64.convert_i64_s (local.get $i)))
    (f64.add (f64.promote_f32 (local.get $f)))))`;

const IMPL = `#[path = "guest.rs"]
mod guest;

use guest::{EnvCheckFn, EnvDivmodFn, EnvDivmodResult, EnvStoreFn, EnvWideFn, EnvWideResult, HostbindCtx};

#[unsafe(no_mangle)]
pub unsafe extern "C" fn env_divmod(out: *mut EnvDivmodResult, ctx: *mut HostbindCtx, a: i32, b: i32) {
    let ctx = unsafe { &mut *ctx };
    if b == 0 {
        ctx.trap(22, "division by zero in Rust \\u{2713}");
        return;
    }
    unsafe { out.write(EnvDivmodResult { f0: a / b, f1: a % b }) };
}
const _: EnvDivmodFn = env_divmod;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn env_store(ctx: *mut HostbindCtx, p0: i32, p1: i32) {
    let ctx = unsafe { &mut *ctx };
    match ctx.guest_bytes_mut(p0 as u32, 4) {
        Some(bytes) => bytes.copy_from_slice(&p1.to_le_bytes()),
        None => ctx.trap(3, "store out of bounds"),
    }
}
const _: EnvStoreFn = env_store;

#[unsafe(no_mangle)]
pub extern "C" fn env_wide(out: *mut EnvWideResult, _ctx: *mut HostbindCtx, p0: i64, p1: f64) {
    unsafe { *out = EnvWideResult { f0: p1 * 2.0, f1: p0 + 1, f2: 0.5 } };
}
const _: EnvWideFn = env_wide;

// An Err and a panic become traps through HostbindCtx::serve, instead of a hand-written trap or an abort.
#[unsafe(no_mangle)]
pub extern "C" fn env_check(ctx: *mut HostbindCtx, x: i32) -> i32 {
    HostbindCtx::serve(ctx, |_| {
        if x < 0 {
            return Err(format!("negative: {x}"));
        }
        if x == 0 {
            panic!("zero is not allowed");
        }
        Ok(x * 2)
    })
}
const _: EnvCheckFn = env_check;
`;

const DRIVER = `// deno-lint-ignore-file no-explicit-any
import { readFileSync } from "node:fs";
const g0 = globalThis as any;
const runtime = g0.Deno !== undefined ? "deno" : g0.Bun !== undefined ? "bun" : "node";
const dir = new URL(".", import.meta.url);
const mod: any = await import(new URL(\`guest.\${runtime}.ts\`, dir).href);
const bytes = new Uint8Array(readFileSync(new URL("guest.wasm", dir)));
const host = mod.load();
const { instance } = await WebAssembly.instantiate(bytes, host.imports);
host.bind(instance);
const g = instance.exports as any;
const results: string[] = [];
results.push(String(g.divmod(47, 5)));
results.push(String(g.roundtrip(64, 123456)));
results.push(String(g.wide(41n, 1.25)));
try {
  g.divmod(1, 0);
  results.push("no trap");
} catch (e: any) {
  results.push(\`\${e instanceof mod.HostTrap} \${e.code} \${e.message}\`);
}
try {
  g.roundtrip(65534, 1);
  results.push("no trap");
} catch (e: any) {
  results.push(\`\${e.code} \${e.message}\`);
}
results.push(String(g.divmod(-7, 2)));
for (const x of [21, -1, 0, 1]) {
  try {
    results.push(String(g.check(x)));
  } catch (e: any) {
    results.push(\`\${e instanceof mod.HostTrap} \${e.code} \${e.message}\`);
  }
}
host.close();
console.log(results.join("\\n"));
`;

const EXPECTED = [
  "9002", // 47 / 5 = 9 rem 2
  "123456",
  "45", // 2.5 + 42 + 0.5
  "true 22 env.divmod: division by zero in Rust \u2713",
  "3 env.store: store out of bounds",
  "-3001", // -7 / 2 = -3 rem -1, and the call after a trap is clean
  "42",
  "true -32766 env.check: negative: -1", // Err(…): HOSTBIND_TRAP_ERROR
  "true -32767 env.check: panic: zero is not allowed", // a panic: HOSTBIND_TRAP_PANIC, and the process goes on
  "2",
].join("\n");

describe("a .wasm guest served by a Rust cdylib", () => {
  let dir = "";
  beforeAll(() => {
    dir = tempDir("rust-runtime");
    const bytes = wat(GUEST);
    const files = generate(bytes, { file: "guest.wasm", lib: "./libguest", targets: ["deno", "bun", "node"] });
    const decls = parseWasm(bytes, { file: "guest.wasm" });
    writeFiles(dir, {
      ...Object.fromEntries(files.map((f) => [f.path, f.contents])),
      "guest.rs": emitRust(emitContext(decls)),
      "guest.wasm": bytes,
      "lib.rs": IMPL,
      "driver.ts": DRIVER,
    });
    const args = ["--edition", "2024", "-D", "warnings", "-O", "--crate-type", "cdylib", "--crate-name", "guest", "-o", "libguest.so", "lib.rs"];
    const r = spawnSync("rustc", args, { cwd: dir, encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`rustc ${args.join(" ")}\n${r.stderr}`);
  });

  it.each([
    ["deno", join(BIN, "deno"), ["run", "--allow-read", "--allow-ffi", "driver.ts"]],
    ["bun", join(BIN, "bun"), ["driver.ts"]],
    ["node", NODE26, ["--disable-warning=ExperimentalWarning", "driver.ts"]],
  ] as const)("runs under %s", (_runtime, cmd, args) => {
    const r = spawnSync(cmd, [...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.stdout.trim(), r.stderr).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });
});
