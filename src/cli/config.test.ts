import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { generate } from "../generate.ts";
import { inDir, runMain } from "../../test/support/cli_main.ts";
import { tempDir } from "../../test/support/tmp.ts";

const DECLS = "export declare namespace env {\n  function now(): f64;\n}\n";

/** A fresh project directory with `files` (path → text); returns its path. */
let dir: string;
function project(files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
beforeEach(() => {
  dir = tempDir("config");
});

/** Runs `hostbind ARGV` as if in the project directory. */
const run = (argv: string[]) => runMain(argv, inDir(dir));

describe("configuration lookup in the current directory", () => {
  test("hostbind.config.json: `generate` with no arguments writes what the config says", () => {
    project({
      "env.d.ts": DECLS,
      "hostbind.config.json": JSON.stringify({ input: "env.d.ts", outDir: "gen", lib: "./libenv", targets: ["c", "deno"], name: "clock" }),
    });
    const r = run(["generate"]);
    expect(r).toEqual({
      code: 0,
      stdout: "wrote gen/clock.h\nwrote gen/clock.deno.ts\nwrote gen/clock.ts\n",
      stderr: "note: using the configuration in hostbind.config.json (input, outDir, lib, targets, name; flags override it)\n",
    });
    const want = generate(DECLS, { file: "env.d.ts", lib: "./libenv", targets: ["c", "deno"], name: "clock" });
    expect(readFileSync(join(dir, "gen/clock.deno.ts"), "utf8")).toBe(want[1]!.contents);
  });

  test("deno.json with comments, trailing commas and targets as a comma list", () => {
    project({
      "env.d.ts": DECLS,
      "deno.json": '{\n  // tasks\n  "tasks": { "gen": "hostbind generate" },\n  "hostbind": { "input": "env.d.ts", "outDir": "out", "targets": "c, rust", },\n}\n',
    });
    expect(run(["generate"]).stdout).toBe("wrote out/env.h\nwrote out/env.rs\n");
  });

  test("package.json's hostbind key; an unrelated package.json is no configuration", () => {
    project({ "env.d.ts": DECLS, "package.json": JSON.stringify({ name: "x", hostbind: { input: "env.d.ts", outDir: "g" } }) });
    expect(run(["generate", "--targets", "c"]).stdout).toBe("wrote g/env.h\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", scripts: {} }));
    const r = run(["generate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing INPUT argument and no hostbind configuration in this directory");
  });

  test("precedence: hostbind.config.json > deno.json > package.json, and no merging across files", () => {
    project({
      "env.d.ts": DECLS,
      "hostbind.config.json": JSON.stringify({ input: "env.d.ts", outDir: "from-hostbind", targets: "c" }),
      "deno.json": JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "from-deno", targets: "c", name: "deno" } }),
      "package.json": JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "from-package", targets: "c" } }),
    });
    expect(run(["generate"]).stdout).toBe("wrote from-hostbind/env.h\n");
    writeFileSync(join(dir, "hostbind.config.json"), "");
    expect(run(["generate"]).stderr).toMatch(/^hostbind\.config\.json:1:1: error: Expected a JSON value/);
    writeFileSync(join(dir, "hostbind.config.json"), "{}");
    expect(run(["generate"]).stderr).toContain("missing INPUT argument (none in hostbind.config.json either)");
  });

  test("deno.json wins over package.json", () => {
    project({
      "env.d.ts": DECLS,
      "deno.json": JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "from-deno", targets: "c" } }),
      "package.json": JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "from-package", targets: "c" } }),
    });
    expect(run(["generate"]).stdout).toBe("wrote from-deno/env.h\n");
  });

  test("flags override single fields; a positional INPUT overrides the config's input", () => {
    project({
      "env.d.ts": DECLS,
      "other.d.ts": DECLS,
      "hostbind.config.json": JSON.stringify({ input: "env.d.ts", outDir: "gen", targets: ["c"] }),
    });
    expect(run(["generate", "other.d.ts", "-o", "elsewhere", "--targets", "c,bun"]).stdout)
      .toBe("wrote elsewhere/other.h\nwrote elsewhere/other.bun.ts\nwrote elsewhere/other.ts\n");
  });

  test("--config FILE: paths are relative to the config file's directory; lib stays verbatim", () => {
    project({
      "tools/env.d.ts": DECLS,
      "tools/hb.json": JSON.stringify({ input: "env.d.ts", outDir: "gen", lib: "../lib/libenv", targets: "deno" }),
    });
    expect(run(["generate", "--config", "tools/hb.json"]).stdout).toBe("wrote tools/gen/env.deno.ts\nwrote tools/gen/env.ts\n");
    expect(readFileSync(join(dir, "tools/gen/env.deno.ts"), "utf8")).toContain('"../lib/libenv"');
    expect(readdirSync(dir).sort()).toEqual(["tools"]);
  });

  test("--config package.json without a hostbind key is an error", () => {
    project({ "package.json": '{ "name": "x" }' });
    const r = run(["generate", "--config", "package.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^package\.json:1:1: error: package\.json has no "hostbind" key/);
  });
});

describe("invalid configuration: exit 1, located, nothing written", () => {
  const cases: [string, string, string][] = [
    [
      "unknown key, with a suggestion",
      '{\n  "input": "env.d.ts",\n  "out-dir": "gen"\n}',
      "hostbind.config.json:3:3: error: Unknown key `out-dir` in the configuration; expected one of input, outDir, name, lib, targets, module, symbolPrefix, excludeModules, excludeImports\n  help: Did you mean `outDir`?",
    ],
    [
      "misspelt key, with a suggestion",
      '{\n  "input": "env.d.ts",\n  "outDir": "gen",\n  "symbolPrefx": "my_"\n}',
      "hostbind.config.json:4:3: error: Unknown key `symbolPrefx` in the configuration; expected one of input, outDir, name, lib, targets, module, symbolPrefix, excludeModules, excludeImports\n  help: Did you mean `symbolPrefix`?",
    ],
    [
      "wrong type",
      '{ "input": "env.d.ts", "outDir": 3 }',
      "hostbind.config.json:1:34: error: Expected a string for outDir, found a number",
    ],
    [
      "unknown target",
      '{ "input": "env.d.ts", "outDir": "gen", "targets": ["c", "zig"] }',
      "hostbind.config.json:1:58: error: Unknown output `zig` in targets; expected c, deno, bun, node, rust",
    ],
    [
      "misspelt target, with a suggestion",
      '{ "input": "env.d.ts", "outDir": "gen", "targets": ["c", "rsut"] }',
      "hostbind.config.json:1:58: error: Unknown output `rsut` in targets; expected c, deno, bun, node, rust\n  help: Did you mean `rust`?",
    ],
    [
      "empty targets",
      '{ "input": "env.d.ts", "outDir": "gen", "targets": [] }',
      "hostbind.config.json:1:52: error: Expected at least one of c, deno, bun, node, rust for targets, found an array",
    ],
    [
      "not an object",
      '["env.d.ts"]',
      "hostbind.config.json:1:1: error: Expected an object with input, outDir, name, lib, targets, module, symbolPrefix, excludeModules, excludeImports for the configuration, found an array",
    ],
    [
      "bad JSON",
      '{ "input": "env.d.ts",, }',
      "hostbind.config.json:1:23: error: Expected a key in double quotes or `}`, found `, }`",
    ],
    [
      "empty string",
      '{ "input": "" }',
      "hostbind.config.json:1:12: error: Expected a non-empty string for input, found an empty string",
    ],
  ];
  for (const [what, text, want] of cases) {
    test(what, () => {
      project({ "env.d.ts": DECLS, "hostbind.config.json": text });
      const r = run(["generate"]);
      expect(r.code).toBe(1);
      expect(r.stderr.startsWith(want), r.stderr).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(["env.d.ts", "hostbind.config.json"]);
    });
  }

  test("a bad hostbind key in deno.json is located in deno.json", () => {
    project({ "deno.json": '{\n  "hostbind": { "input": true }\n}' });
    expect(run(["generate"]).stderr).toMatch(/^deno\.json:2:26: error: Expected a string for input, found a boolean/);
  });
});
