/**
 * `hostbind generate --stubs FILE.c|FILE.rs`: implementation skeletons that
 * compile as written (C with -Wall -Wextra -Werror -pedantic; Rust with
 * `-D warnings` in editions 2021 and 2024) for every fixture and for real
 * guests from npm, load on Deno and Bun, and trap with "not implemented:
 * MODULE.NAME" — and that never replace a file without --force.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "./support/cc.ts";
import { runMain } from "./support/cli_main.ts";
import { FIXTURES, FIXTURES_DIR } from "./support/fixtures.ts";
import { bin, NODE26, run } from "./support/tools.ts";
import { ROOT, tempDir } from "./support/tmp.ts";
import { wat } from "./support/wat.ts";

const HAS_RUSTC = spawnSync("rustc", ["--version"]).status === 0;

/** rustc with warnings as errors, building a cdylib from `source` in `dir`. */
function rustc(dir: string, edition: string, source: string): { ok: boolean; message: string } {
  const args = ["--edition", edition, "-D", "warnings", "--crate-type", "cdylib", "-o", `lib${edition}.so`, source];
  const r = spawnSync("rustc", args, { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { ok: r.status === 0, message: `rustc ${args.join(" ")}\n${r.stderr}${r.error ?? ""}` };
}

/** Generates into `dir/gen` with C and Rust skeletons at `dir/impl.c` and `dir/impl.rs`. */
function generateWithStubs(dir: string, input: string, extra: string[] = []): void {
  for (const stubs of ["impl.c", "impl.rs"]) {
    const r = runMain(["generate", input, "-o", join(dir, "gen"), "--name", "guest", "--targets", "c,deno,bun,rust", "--stubs", join(dir, stubs), ...extra]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(dir, stubs)}\n`);
  }
}

const REAL: { wasm: string; exclude?: string }[] = [
  { wasm: "sql.js/dist/sql-wasm.wasm" },
  { wasm: "web-tree-sitter/web-tree-sitter.wasm", exclude: "wasi_snapshot_preview1" },
  { wasm: "esbuild-wasm/esbuild.wasm" },
];

describe("skeletons compile as written", () => {
  it.each(FIXTURES)("fixture %s: C and Rust", (fixture) => {
    const dir = tempDir("stubs-fixture");
    generateWithStubs(dir, join(FIXTURES_DIR, `${fixture}.d.ts`));
    const c = compile([join(dir, "impl.c")], { kind: "shared", out: join(dir, "libc.so") });
    expect(c.ok, c.message).toBe(true);
    if (!HAS_RUSTC) return;
    for (const edition of ["2021", "2024"]) {
      const r = rustc(dir, edition, "impl.rs");
      expect(r.ok, r.message).toBe(true);
    }
  });

  it.each(REAL)("a real guest, $wasm: every import, C and Rust", ({ wasm, exclude }) => {
    const dir = tempDir("stubs-real");
    generateWithStubs(dir, join(ROOT, "node_modules", wasm), exclude === undefined ? [] : ["--exclude-module", exclude]);
    const c = compile([join(dir, "impl.c")], { kind: "shared", out: join(dir, "libc.so") });
    expect(c.ok, c.message).toBe(true);
    // Every native function the header declares is defined, and the library exports it.
    const prototypes = /^(?:void|u?int(?:32|64)_t|float|double) (\w+)\(/gm;
    // The optional lifecycle functions (hostbind_open_NAME, hostbind_close_NAME) are the library's choice, not stubs.
    const declared = [...readFileSync(join(dir, "gen/guest.h"), "utf8").matchAll(prototypes)].map((m) => m[1]!)
      .filter((name) => !/^hostbind_(open|close)_/.test(name));
    const defined = [...readFileSync(join(dir, "impl.c"), "utf8").matchAll(prototypes)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(5);
    expect(defined).toEqual(declared);
    const nm = spawnSync("nm", ["-D", "--defined-only", join(dir, "libc.so")], { encoding: "utf8" }).stdout;
    for (const s of defined) expect(nm, s).toMatch(new RegExp(` T ${s}$`, "m"));
    if (!HAS_RUSTC) return;
    const r = rustc(dir, "2024", "impl.rs");
    expect(r.ok, r.message).toBe(true);
  });
});

describe("a skeleton library runs", () => {
  // On Node every call goes through the header's shims: the skeleton defines HOSTBIND_IMPLEMENTATION.
  it.each(["deno", "bun", "node"])("%s: built by the skeleton's own build line, the guest's call traps with HostTrap 'env.divmod: not implemented'", (runtime) => {
    const dir = tempDir("stubs-run");
    copyFileSync(join(ROOT, "examples/c-divmod/divmod.d.ts"), join(dir, "divmod.d.ts"));
    writeFileSync(join(dir, "guest.wasm"), wat(readFileSync(join(ROOT, "examples/c-divmod/guest.wat"), "utf8")));
    const g = runMain(["generate", join(dir, "divmod.d.ts"), "-o", join(dir, "gen"), "--lib", "../libdivmod", "--stubs", join(dir, "divmod.c")]);
    expect(g.code, g.stderr).toBe(0);
    // The build line writes the library where --lib points (../libdivmod from gen/ is libdivmod here).
    const line = /Build \(Linux\): (cc -shared -fPIC -o libdivmod\.so divmod\.c)\n/.exec(readFileSync(join(dir, "divmod.c"), "utf8"));
    expect(line, "the skeleton's build line").not.toBeNull();
    const c = spawnSync("sh", ["-c", line![1]!], { cwd: dir, encoding: "utf8" });
    expect(c.status, c.stderr).toBe(0);
    writeFileSync(join(dir, "main.ts"), [
      'import { readFileSync } from "node:fs";',
      'import { HostTrap, load } from "./gen/divmod.ts";',
      "using host = load();",
      'const { instance } = await WebAssembly.instantiate(new Uint8Array(readFileSync(new URL("./guest.wasm", import.meta.url))), host.imports);',
      "const guest = instance.exports as { divide(a: number, b: number): [number, number] };",
      "try {",
      "  guest.divide(7, 2);",
      "} catch (e) {",
      "  console.log(e instanceof HostTrap ? `HostTrap ${e.code}: ${e.message}` : `other: ${e}`);",
      "}",
    ].join("\n"));
    const [cmd, args] = runtime === "deno"
      ? [bin("deno"), ["run", "--allow-read", "--allow-ffi", "main.ts"]]
      : runtime === "bun"
      ? [bin("bun"), ["main.ts"]]
      : [NODE26, ["--disable-warning=ExperimentalWarning", "main.ts"]];
    const r = run(cmd, args, dir);
    expect(r.stdout + r.stderr).toBe("HostTrap -1: env.divmod: not implemented\n");
  });
});

describe("never replaces a file without --force", () => {
  it("refuses an existing FILE before writing anything, replaces it with --force; wrong usage is exit 2", () => {
    const dir = tempDir("stubs-force");
    const input = join(dir, "env.d.ts");
    writeFileSync(input, "export declare namespace env { function now(): f64; }\n");
    const impl = join(dir, "impl.c");
    writeFileSync(impl, "/* my work */\n");
    const gen = ["generate", input, "-o", join(dir, "gen"), "--stubs", impl];
    const refused = runMain(gen);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`error: \`${impl}\` already exists; not replacing it\n  help: It may hold your edits: choose another --stubs, or pass --force to replace it.\n`);
    expect(existsSync(join(dir, "gen"))).toBe(false);
    expect(readFileSync(impl, "utf8")).toBe("/* my work */\n");

    expect(runMain([...gen, "--force"]).code).toBe(0);
    expect(readFileSync(impl, "utf8")).toContain("double env_now(hostbind_ctx *ctx) {");

    const rs = runMain(["generate", input, "-o", join(dir, "gen"), "--stubs", join(dir, "impl.rs")]);
    expect(rs.code).toBe(1);
    expect(rs.stderr).toContain("Add rust to the targets, e.g. --targets c,deno,bun,node,rust.");
    expect(existsSync(join(dir, "impl.rs"))).toBe(false);
    expect(runMain(["generate", input, "-o", join(dir, "gen"), "--stubs", join(dir, "impl.txt")]).code).toBe(2);
    expect(runMain(["generate", input, "-o", join(dir, "gen"), "--force"]).code).toBe(2);
    expect(runMain([...gen, "--check"]).code).toBe(2);
  });
});
