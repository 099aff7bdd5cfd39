/**
 * Serving part of a guest (issue 21 items 2 and 7): `--exclude-import`
 * patterns (and `excludeImports` in the configuration) leave single imports
 * of a `.wasm` input to the host application; a declaration file that serves
 * part of a module passes `--module` when the rest is excluded, and what it
 * does serve is still cross-checked; `declare`, `generate` and `explain`
 * report "nothing to serve" with one message; `declare`'s comment describes
 * every import hostbind does not serve in full.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { inDir, runMain } from "../../test/support/cli_main.ts";
import { tempDir } from "../../test/support/tmp.ts";
import { wat } from "../../test/support/wat.ts";
import { excludeImports, importPattern } from "../ir/select.ts";
import { parseWasm } from "../generate.ts";

const GUEST = `(module
  (import "env" "a" (func (param i32) (result i32)))
  (import "env" "b" (func (param i32)))
  (import "env" "__wbg_log_1" (func (param i32 i32)))
  (import "env" "__wbg_now_2" (func (result f64)))
  (import "wasi" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 1 2 shared))
  (import "env" "g" (global (mut i64)))
  (import "env" "t" (table 1 funcref)))`;

let dir: string;
beforeEach(() => {
  dir = tempDir("exclude");
  writeFileSync(join(dir, "guest.wasm"), wat(GUEST, ["--enable-threads"]));
});
const run = (argv: string[]) => runMain(argv, inDir(dir));

describe("importPattern and excludeImports", () => {
  test("match MODULE.NAME whole, * any run of characters (dots too)", () => {
    expect(importPattern("env.__wbg_*")("env", "__wbg_log_1")).toBe(true);
    expect(importPattern("env.*")("envx", "a")).toBe(false);
    expect(importPattern("*.log")("env", "console.log")).toBe(true);
    expect(importPattern("env.a")("env", "ab")).toBe(false);
    expect(importPattern("a.(b)+")("a", "(b)+")).toBe(true);
  });

  test("leave matching imports out of a .wasm input, drop emptied modules, and say which", () => {
    const decls = excludeImports(parseWasm(wat(GUEST, ["--enable-threads"]), { file: "guest.wasm" }), ["env.__wbg_*", "wasi.*"]);
    expect(decls.modules.map((m) => [m.name, m.functions.map((f) => f.name)])).toEqual([["env", ["a", "b"]]]);
    expect(decls.excludedImports).toEqual(["env.__wbg_log_1", "env.__wbg_now_2", "wasi.fd_write"]);
  });
});

describe("generate with --exclude-import", () => {
  test("a .wasm input: the excluded imports are neither generated nor in host.imports", () => {
    const r = run(["generate", "guest.wasm", "--exclude-import", "env.__wbg_*", "--exclude-module", "wasi", "--out-dir", "gen", "--targets", "c,deno"]);
    expect(r.code, r.stderr).toBe(0);
    const header = readFileSync(join(dir, "gen/guest.h"), "utf8");
    expect(header).toContain("env_a(");
    expect(header).not.toContain("__wbg_log_1");
    expect(readFileSync(join(dir, "gen/guest.deno.ts"), "utf8")).not.toContain("__wbg_now_2");
  });

  test("a declaration file serving part of a module passes --module when the rest is excluded, and is still cross-checked", () => {
    writeFileSync(join(dir, "part.d.ts"), "export declare namespace env { function a(x: i32): i32; }\n");
    const missing = run(["generate", "part.d.ts", "--module", "guest.wasm", "--exclude-module", "wasi", "--out-dir", "gen"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("guest.wasm imports `env.b` as `(func (param i32))`, but part.d.ts does not declare it");
    expect(missing.stderr).toContain('--exclude-import "env.b"');
    expect(existsSync(join(dir, "gen"))).toBe(false);
    // `env.*` leaves the rest of env to the host application; env.a, declared, is served and checked.
    const ok = run(["generate", "part.d.ts", "--module", "guest.wasm", "--exclude-module", "wasi", "--exclude-import", "env.*", "--out-dir", "gen"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).not.toContain("does not import");
    writeFileSync(join(dir, "part.d.ts"), "export declare namespace env { function a(x: f64): i32; }\n");
    const wrong = run(["generate", "part.d.ts", "--module", "guest.wasm", "--exclude-module", "wasi", "--exclude-import", "env.*", "--out-dir", "gen2"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("`env.a` is declared as `(func (param f64) (result i32))`, but guest.wasm imports it as `(func (param i32) (result i32))`");
  });

  test("excludeImports in the configuration, overridden by the flag", () => {
    writeFileSync(join(dir, "hostbind.config.json"), JSON.stringify({ input: "guest.wasm", outDir: "gen", targets: ["c"], excludeModules: ["wasi"], excludeImports: ["env.__wbg_*", "env.b"] }));
    expect(run(["generate"]).code).toBe(0);
    expect(readFileSync(join(dir, "gen/guest.h"), "utf8")).not.toMatch(/env_b\(|__wbg_/);
    expect(run(["generate", "--exclude-import", "env.a", "--out-dir", "gen2"]).code).toBe(0);
    const header = readFileSync(join(dir, "gen2/guest.h"), "utf8");
    expect(header).toContain("env_b(");
    expect(header).not.toContain("env_a(");
    writeFileSync(join(dir, "hostbind.config.json"), JSON.stringify({ input: "guest.wasm", excludeImports: "env.*" }));
    const bad = run(["generate"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("an array of MODULE.NAME patterns");
  });
});

describe("nothing to serve: one message from declare, generate and explain", () => {
  test("everything left to the host application", () => {
    const args = ["guest.wasm", "--exclude-module", "wasi", "--exclude-import", "env.*"];
    const results = [run(["declare", ...args]), run(["generate", ...args, "--out-dir", "gen"]), run(["explain", ...args])];
    const want = "guest.wasm:1:1: error: Nothing for hostbind to serve: every function import of guest.wasm is left to the host application "
      + "(module `wasi`; 7 imports matched by --exclude-import)";
    for (const r of results) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(want);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(join(dir, "gen"))).toBe(false);
  });
});

test("declare describes what hostbind does not serve in full, and what was left out", () => {
  const r = run(["declare", "guest.wasm", "--exclude-import", "env.__wbg_*"]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('//   memory "env" "memory" (memory 1 2 shared)');
  expect(r.stdout).toContain('//   global "env" "g" (global (mut i64))');
  expect(r.stdout).toContain('//   table "env" "t" (table 1 funcref)');
  expect(r.stdout).toContain('//   import "env.__wbg_log_1"');
  // One summary line on stderr, not one per import.
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
});
