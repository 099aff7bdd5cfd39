/**
 * A real package whose loader instantiates the guest itself (issue 21 item
 * 3, one of the three packages it asks for): sql.js, an Emscripten build,
 * with one of its imports (`a.A`, localtime) served by native code and the
 * rest left to sql.js (`--exclude-import 'a.*'`, a declaration file serving
 * part of a module, cross-checked against the real `.wasm`). Its
 * `instantiateWasm(imports, receive)` hook hands the loader's import object
 * to `host.instantiate(bytes, imports)`, which merges and binds. Run in
 * Deno, Bun and Node 26 under TZ=Asia/Kolkata: sql.js's own answer shows
 * the native localtime (+05:30), and the library's close function counts
 * the calls.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { freshDir } from "../fuzz/harness.ts";
import { exec, RUNTIMES, runtimeCommand, TOOLS } from "../fuzz/tools.ts";
import { runMain } from "../support/cli_main.ts";
import { ROOT } from "../support/tmp.ts";

const SRC = join(ROOT, "test/runtime/sqljs");
let dir = "";

beforeAll(async () => {
  dir = freshDir("sqljs");
  const guest = join(ROOT, "node_modules/sql.js/dist/sql-wasm.wasm");
  const r = runMain(["generate", join(SRC, "sqljs.d.ts"), "--module", guest, "--exclude-import", "a.*", "--out-dir", dir]);
  if (r.code !== 0) throw new Error(r.stderr);
  const cc = await exec(TOOLS.cc, ["-std=c11", "-D_DEFAULT_SOURCE", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", `-I${dir}`, "-o", join(dir, "libsqljs.so"), join(SRC, "localtime.c")]);
  if (cc.code !== 0) throw new Error(cc.stderr);
});

describe.each(RUNTIMES)("%s", (rt) => {
  it("sql.js answers with the native localtime, served through its own loader's instantiateWasm", async () => {
    const [cmd, args] = runtimeCommand(rt, join(SRC, "probe.ts"), [join(dir, "sqljs.ts"), join(dir, "libsqljs.so")]);
    const r = await exec(cmd, args, { env: { TZ: "Asia/Kolkata" } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").pop()).toBe('["2023-11-15 03:43:20","1971-01-01 05:30"]');
    expect(r.stderr).toContain("native localtime calls: 2");
  });
});
