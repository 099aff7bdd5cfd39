/**
 * The published shapes of hostbind, built and installed the way users get
 * them: the npm tarball (`tsc` build + `npm pack`) installed into a fresh
 * project outside the repository — so nothing resolves from the repo's own
 * node_modules — and run with `npx hostbind` and `import "hostbind"` under
 * Node; and the JSR package through `deno publish --dry-run`.
 *
 * npm installs the tarball's dependencies (ts-morph) from its cache, or from
 * the registry when the cache lacks them.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../src/generate.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string; files: string[] };
const DECLS = "export declare namespace env {\n  function divmod(a: i32, b: i32): [quot: i32, rem: i32];\n  function now(): f64;\n}\n";

/** Runs a command; throws with its output unless it exits 0. */
function sh(cmd: string, args: string[], options: SpawnSyncOptions & { cwd: string }): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000, ...options, env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return String(r.stdout);
}

let pkg = ""; // the package directory as npm packs it
let tarball = "";
let project = ""; // a user's project with the tarball installed
beforeAll(() => {
  pkg = tempDir("npm-pkg");
  sh(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json", "--outDir", join(pkg, "dist")], { cwd: ROOT });
  for (const f of ["package.json", "README.md", "bin", "templates"]) cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
  // dist/ is built above; a `prepack` script in package.json would rebuild it from src/, which this copy lacks.
  const packed = JSON.parse(sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", pkg], { cwd: pkg }));
  tarball = join(pkg, packed[0].filename);

  project = tempDir("npm-project", { outsideRepo: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
  writeFileSync(join(project, "env.d.ts"), DECLS);
  sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: project });
});
afterAll(() => {
  if (project !== "") rmSync(project, { recursive: true, force: true });
});

describe("npm package", () => {
  test("the tarball holds dist, bin, templates, README.md and package.json, and no tests or sources", () => {
    const entries = sh("tar", ["-tzf", tarball], { cwd: pkg }).split("\n").filter((l) => l !== "").map((l) => l.replace(/^package\//, ""));
    const templates = readdirSync(join(ROOT, "templates")).map((t) => `templates/${t}`);
    for (const want of ["package.json", "README.md", "bin/hostbind.js", "dist/cli.js", "dist/mod.js", "dist/mod.d.ts", "dist/types.d.ts", ...templates]) {
      expect(entries, want).toContain(want);
    }
    expect(entries.filter((e) => /\.test\.|^(src|test|bench|examples|scripts)\//.test(e))).toEqual([]);
    expect(new Set(entries.map((e) => e.split("/")[0]))).toEqual(new Set(["package.json", ...PKG.files]));
  });

  test("npm publish --dry-run: publishes these files, with package.json as written (nothing for npm to correct)", () => {
    const r = spawnSync("npm", ["publish", "--dry-run", "--ignore-scripts", "--json"], {
      cwd: pkg,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/auto-corrected|errors corrected|invalid/);
    const published = JSON.parse(r.stdout) as Record<string, { files: { path: string }[] }>;
    const paths = published[PKG.name]!.files.map((f) => f.path);
    expect(paths).toContain("bin/hostbind.js");
    expect(paths).toContain("dist/cli.js");
    expect(paths.filter((p) => /\.test\.|^(src|test|bench|examples|scripts)\//.test(p))).toEqual([]);
  });

  test("node dist/cli.js --version in the package", () => {
    expect(sh(process.execPath, ["dist/cli.js", "--version"], { cwd: pkg })).toBe(`hostbind ${PKG.version}\n`);
  });

  test("npx hostbind generate in a project that installed the tarball writes what the library generates", () => {
    const out = sh("npx", ["--no-install", "hostbind", "generate", "env.d.ts", "-o", "gen", "--lib", "./libenv"], { cwd: project });
    const want = generate(DECLS, { file: "env.d.ts", lib: "./libenv" });
    expect(out).toBe(want.map((w) => `wrote gen/${w.path}\n`).join(""));
    for (const w of want) expect(readFileSync(join(project, "gen", w.path), "utf8"), w.path).toBe(w.contents);
    // The templates are embedded in the code: the library reads no files (as from JSR's https: URLs).
    rmSync(join(project, "node_modules", "hostbind", "templates"), { recursive: true, force: true });
    rmSync(join(project, "gen"), { recursive: true, force: true });
    sh("npx", ["--no-install", "hostbind", "generate", "env.d.ts", "-o", "gen", "--lib", "./libenv"], { cwd: project });
    for (const w of want) expect(readFileSync(join(project, "gen", w.path), "utf8"), w.path).toBe(w.contents);
    expect(sh("npx", ["--no-install", "hostbind", "generate", "--help"], { cwd: project })).toContain("--watch");
  });

  test('import { generate } from "hostbind" under Node, with its types complete for tsc', () => {
    const script = `import { generate, compareWithModule, HostbindError } from "hostbind";
      const files = generate(${JSON.stringify(DECLS)}, { file: "env.d.ts", targets: ["c", "deno"] });
      console.log(JSON.stringify([files.map((f) => f.path), typeof compareWithModule, new HostbindError("x").name]));`;
    const out = sh(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    expect(JSON.parse(out)).toEqual([["env.h", "env.deno.ts", "env.ts"], "function", "HostbindError"]);

    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "src/use.ts"), [
      'import { generate, type GeneratedFile, type OutputKind } from "hostbind";',
      'import type { i32 } from "hostbind/types";',
      'const kinds: OutputKind[] = ["c", "rust"];',
      'export const files: GeneratedFile[] = generate("", { file: "x.d.ts", targets: kinds });',
      "export const n: i32 = files.length;",
    ].join("\n"));
    sh(join(ROOT, "node_modules/.bin/tsc"), [
      "--noEmit", "--strict", "--skipLibCheck", "false", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--target", "es2022", "--lib", "es2022", "--types", "", "src/use.ts",
    ], { cwd: project });
  });
});

describe("first use, from an empty folder, as the README shows it", () => {
  const path = `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`; // deno and bun, as a user has them
  const GUEST_OUTPUT = "native code read: hello from the guest\nthe guest's result: 17 / 5 = 3 rem 2\n"
    + "1 / 0 trapped in native code: divmod: division by zero\n";
  let app = "";
  beforeAll(() => {
    app = tempDir("first-use", { outsideRepo: true });
    sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: app });
    const init = sh("npx", ["--no-install", "hostbind", "init"], { cwd: app });
    expect(init).toContain("wrote hello.c\n");
    expect(init).toContain("  npm run dev ");
  });
  afterAll(() => {
    if (app !== "") rmSync(app, { recursive: true, force: true });
  });

  test.each([
    ["npm", ["run", "--silent", "dev"]],
    ["bun", ["run", "dev"]],
    ["deno", ["task", "--quiet", "dev"]],
  ])("%s: hostbind init, then dev builds the library and prints the guest's result", (tool, args) => {
    rmSync(join(app, "build"), { recursive: true, force: true });
    const out = sh(tool, args, { cwd: app, env: { ...process.env, PATH: path } });
    // dev regenerates first: gen/ as init wrote it is up to date.
    expect(out).toBe(["h", "deno.ts", "bun.ts", "ts"].map((e) => `unchanged gen/hello.${e}\n`).join("") + GUEST_OUTPUT);
  });

  test.each([
    ["npx", ["--no-install", "hostbind"]],
    ["bunx", ["hostbind"]],
    ["deno", ["run", "-A", "npm:hostbind"]],
  ])("%s hostbind generate writes what the library generates", (tool, prefix) => {
    const out = join(app, `gen-${tool}`);
    sh(tool, [...prefix, "generate", "hello.d.ts", "-o", out, "--lib", "../build/libhello"], { cwd: app, env: { ...process.env, PATH: path } });
    const want = generate(readFileSync(join(app, "hello.d.ts"), "utf8"), { file: "hello.d.ts", lib: "../build/libhello" });
    for (const w of want) expect(readFileSync(join(out, w.path), "utf8"), w.path).toBe(w.contents);
  });

  test("the types specifiers type-check: hostbind/types (Node, Bun, Deno with package.json) and npm:hostbind/types (Deno)", () => {
    writeFileSync(join(app, "types-npm.d.ts"), 'import type { i32 } from "npm:hostbind/types";\nexport declare function f(a: i32): i32;\n');
    writeFileSync(join(app, "types-bare.d.ts"), 'import type { u64 } from "hostbind/types";\nexport declare function g(a: u64): u64;\n');
    sh(join(ROOT, "node_modules/.bin/deno"), ["check", "--quiet", "types-npm.d.ts", "types-bare.d.ts", "hello.d.ts", "main.ts"], { cwd: app });
  });
});

describe("JSR package", () => {
  test("deno publish --dry-run: type-checks, no slow types, publishes src, templates and README without tests", () => {
    const r = spawnSync(join(ROOT, "node_modules/.bin/deno"), ["publish", "--dry-run", "--allow-dirty"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(0);
    expect(out).toContain("Success Dry run complete");
    const files = [...out.matchAll(/file:\/\/\/\S+/g)].map((m) => m[0].slice(`file://${ROOT}/`.length));
    expect(files).toContain("src/mod.ts");
    expect(files).toContain("src/cli.ts");
    expect(files).toContain("README.md");
    for (const t of readdirSync(join(ROOT, "templates"))) expect(files).toContain(`templates/${t}`);
    expect(files.filter((f) => /\.test\.ts$|^(test|bench|examples|scripts)\//.test(f))).toEqual([]);
    const deno = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8"));
    expect(deno.version, "deno.json and package.json must publish the same version").toBe(PKG.version);
  });
});
