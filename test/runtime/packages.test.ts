/**
 * Real packages whose loaders instantiate the guest themselves (issue 21
 * item 3), each with imports served by native code and the rest left to
 * the package (`--exclude-import`, a declaration file serving part of a
 * module, cross-checked against the package's real `.wasm`), run in Deno,
 * Bun and Node 26 and checked by the package's own API:
 *
 * - sql.js (Emscripten): `localtime` served natively, through the loader's
 *   `instantiateWasm(imports, receive)` hook and `host.instantiate()`; run
 *   under TZ=Asia/Kolkata, sql.js's own answer shows the native +05:30.
 * - ywasm (wasm-bindgen, Node target, instantiated at `require` with no
 *   hook): its clock served natively through `host.intercept()`; the native
 *   clock moves a second per reading, so the undo manager keeps two quick
 *   edits apart and one undo removes only the second (with ywasm's own
 *   `Date.now()` it removes both).
 * - esbuild-wasm (Go, GOOS=js, browser API on this thread): the Go runtime's
 *   clocks served natively through `host.intercept()`, written into Go's
 *   stack in guest memory; esbuild's `transform` answers.
 *
 * Each library's close function prints how often the package called it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { freshDir } from "../fuzz/harness.ts";
import { exec, RUNTIMES, runtimeCommand, TOOLS } from "../fuzz/tools.ts";
import { runMain } from "../support/cli_main.ts";
import { ROOT } from "../support/tmp.ts";

interface Package {
  /** Folder under test/runtime with NAME.d.ts, the C source and probe.ts. */
  readonly name: string;
  readonly guest: string;
  readonly exclude: string;
  readonly source: string;
  readonly env?: Record<string, string>;
  /** The probe's last line: the package's own answer. */
  readonly answer: string;
  /** What the library's close function prints: the native calls were made. */
  readonly calls: RegExp;
}

const PACKAGES: readonly Package[] = [
  {
    name: "sqljs",
    guest: "node_modules/sql.js/dist/sql-wasm.wasm",
    exclude: "a.*",
    source: "localtime.c",
    env: { TZ: "Asia/Kolkata" },
    answer: '["2023-11-15 03:43:20","1971-01-01 05:30"]',
    calls: /native localtime calls: 2\b/,
  },
  {
    name: "ywasm",
    guest: "node_modules/ywasm/ywasm_bg.wasm",
    exclude: "__wbindgen_placeholder__.*",
    source: "clock.c",
    answer: '["hello world","hello "]',
    calls: /native clock readings: [1-9]\d*\b/,
  },
  {
    name: "esbuild",
    guest: "node_modules/esbuild-wasm/esbuild.wasm",
    exclude: "gojs.*",
    source: "clocks.c",
    answer: '"const e=42;export default 42;\\n"',
    calls: /native clock calls: nanotime1 [1-9]\d*, walltime [1-9]\d*\b/,
  },
];

let dir = "";

beforeAll(async () => {
  dir = freshDir("packages");
  for (const p of PACKAGES) {
    const src = join(ROOT, "test/runtime", p.name);
    const out = join(dir, p.name);
    const r = runMain(["generate", join(src, `${p.name}.d.ts`), "--module", join(ROOT, p.guest), "--exclude-import", p.exclude, "--out-dir", out]);
    if (r.code !== 0) throw new Error(r.stderr);
    const cc = await exec(TOOLS.cc, ["-std=c11", "-D_DEFAULT_SOURCE", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", `-I${out}`, "-o", join(out, `lib${p.name}.so`), join(src, p.source)]);
    if (cc.code !== 0) throw new Error(cc.stderr);
  }
});

describe.each(RUNTIMES)("%s", (rt) => {
  it.each(PACKAGES)("$name answers with its imports served by native code, through its own loader", async (p) => {
    const out = join(dir, p.name);
    const [cmd, args] = runtimeCommand(rt, join(ROOT, "test/runtime", p.name, "probe.ts"), [join(out, `${p.name}.ts`), join(out, `lib${p.name}.so`)]);
    const r = await exec(cmd, args, p.env === undefined ? {} : { env: p.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").pop()).toBe(p.answer);
    expect(r.stderr).toMatch(p.calls);
  });
});
