/** `generate --check` and `generate --module`, in-process on a real temporary directory. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { wat } from "../../test/support/wat.ts";
import { inDir, runMain } from "../../test/support/cli_main.ts";
import { tempDir } from "../../test/support/tmp.ts";
import { generate } from "../generate.ts";

const DECLS = `export declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function now(): f64;
}
`;

let dir: string;
beforeEach(() => {
  dir = tempDir("modes");
  writeFileSync(join(dir, "env.d.ts"), DECLS);
});
const run = (argv: string[]) => runMain(argv, inDir(dir));

/** `text` with a unified diff applied by GNU patch. */
function applyPatch(text: string, diff: string): string {
  const work = tempDir("patch");
  writeFileSync(join(work, "file"), text, "latin1");
  writeFileSync(join(work, "diff"), diff);
  const r = spawnSync("patch", ["-s", "-o", join(work, "out"), join(work, "file"), join(work, "diff")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`patch failed: ${r.stdout}${r.stderr}`);
  return readFileSync(join(work, "out"), "utf8");
}

/** The diff `--check` shows when only the bindings' default library changed from ./libenv to ./other. */
function libDiff(path: string): string {
  const text = readFileSync(join(dir, path), "utf8").split("\n");
  const i = text.findIndex((l) => l.startsWith("const DEFAULT_LIBRARY"));
  const context = (from: number, to: number) => text.slice(from, to).map((l) => ` ${l}`);
  return [
    `--- ${path} (on disk)`,
    `+++ ${path} (generated)`,
    `@@ -${i - 2},7 +${i - 2},7 @@`,
    ...context(i - 3, i),
    `-${text[i]}`,
    `+${text[i]!.replace("./libenv", "./other")}`,
    ...context(i + 1, i + 4),
    "",
  ].join("\n");
}

/** Every file under the project with its text, to prove a run wrote nothing. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort()) {
    try {
      out[rel] = readFileSync(join(dir, rel), "latin1");
    } catch {
      out[rel] = "<dir>";
    }
  }
  return out;
}

describe("generate --check", () => {
  const gen = ["generate", "env.d.ts", "-o", "gen", "--lib", "./libenv"];

  test("exit 1 listing every missing file when DIR does not exist, and nothing is created", () => {
    const r = run([...gen, "--check"]);
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr: "missing gen/env.h\nmissing gen/env.deno.ts\nmissing gen/env.bun.ts\nmissing gen/env.node.ts\nmissing gen/env.ts\n" +
        "error: 5 of 5 generated files in `gen` are out of date\n" +
        "  help: Run the same `hostbind generate` command without --check to update them.\n",
    });
    expect(Object.keys(files())).toEqual(["env.d.ts"]);
  });

  test("exit 0 after generating; stale and missing files after edits, and --check never writes", () => {
    expect(run(gen).code).toBe(0);
    expect(run([...gen, "--check"])).toEqual({ code: 0, stdout: "up to date: 5 files in gen\n", stderr: "" });

    writeFileSync(join(dir, "env.d.ts"), DECLS.replace("now(): f64", "now(): f32"));
    rmSync(join(dir, "gen/env.bun.ts"));
    const before = files();
    const r = run([...gen, "--check"]);
    expect(r.code).toBe(1);
    // The header and the Deno and Node modules change with the result type (the Bun one too, but it is gone);
    // the entry's types (number either way) stay. Each stale file comes with a diff that `patch`
    // turns into what generate would write.
    expect(r.stderr).toMatch(/^stale gen\/env\.h\n--- gen\/env\.h \(on disk\)\n\+\+\+ gen\/env\.h \(generated\)\n@@ /);
    expect(r.stderr).toContain("-double env_now(hostbind_ctx *ctx);\n+float env_now(hostbind_ctx *ctx);\n");
    expect(r.stderr).toMatch(/\nmissing gen\/env\.bun\.ts\n[\s\S]*error: 4 of 5 generated files in `gen` are out of date\n/);
    const want = generate(DECLS.replace("now(): f64", "now(): f32"), { file: "env.d.ts", lib: "./libenv" });
    const sections = r.stderr.split(/^(?=stale |missing |error: )/m);
    expect(sections.map((t) => t.split("\n")[0])).toEqual([
      "stale gen/env.h", "stale gen/env.deno.ts", "missing gen/env.bun.ts", "stale gen/env.node.ts", expect.stringMatching(/^error: /),
    ]);
    for (const section of sections.filter((t) => t.startsWith("stale "))) {
      const path = section.split("\n")[0]!.slice("stale ".length);
      expect(applyPatch(before[path]!, section.slice(section.indexOf("\n") + 1))).toBe(want.find((f) => `gen/${f.path}` === path)!.contents);
    }
    expect(files()).toEqual(before);
  });

  test("other options count: a different --lib makes the bindings stale, not the header", () => {
    run(gen);
    const r = run(["generate", "env.d.ts", "-o", "gen", "--lib", "./other", "--check"]);
    expect(r.stderr).toBe(
      "stale gen/env.deno.ts\n" + libDiff("gen/env.deno.ts") + "stale gen/env.bun.ts\n" + libDiff("gen/env.bun.ts") +
        "stale gen/env.node.ts\n" + libDiff("gen/env.node.ts") +
        "error: 3 of 5 generated files in `gen` are out of date\n" +
        "  help: Run the same `hostbind generate` command without --check to update them.\n",
    );
  });

  test("an input error is reported as usual (exit 1), and --check with --watch is wrong usage", () => {
    writeFileSync(join(dir, "env.d.ts"), "export declare namespace env {\n  function f(s: boolean): i32;\n}\n");
    expect(run([...gen, "--check"]).stderr).toMatch(/^env\.d\.ts:2:\d+: error: /);
    const r = run([...gen, "--check", "--watch"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`--check` and `--watch` cannot be combined");
  });
});

describe("generate --module GUEST.wasm", () => {
  const guest = (imports: string) => writeFileSync(join(dir, "guest.wasm"), wat(`(module\n${imports}\n(import "env" "memory" (memory 1)))`));

  test("matching imports: generates as usual, no warnings", () => {
    guest(`(import "env" "divmod" (func (param i32 i32) (result i32 i32)))\n(import "env" "now" (func (result f64)))`);
    const r = run(["generate", "env.d.ts", "-o", "gen", "--module", "guest.wasm", "--targets", "c"]);
    expect(r).toEqual({ code: 0, stdout: "wrote gen/env.h\n", stderr: "" });
  });

  test("an import the declarations lack, or with another type: exit 1 naming both sides, nothing written", () => {
    guest(`(import "env" "divmod" (func (param i32 i32) (result i32)))\n(import "env" "now" (func (result f64)))\n(import "env" "abort" (func (param i32)))`);
    const r = run(["generate", "env.d.ts", "-o", "gen", "--module", "guest.wasm"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toMatch(/^guest\.wasm:1:\d+: error: guest\.wasm imports `env\.abort` as `\(func \(param i32\)\)`, but env\.d\.ts does not declare it$/);
    expect(lines[2]).toBe(
      "env.d.ts:2:12: error: `env.divmod` is declared as `(func (param i32 i32) (result i32 i32))`, but guest.wasm imports it as `(func (param i32 i32) (result i32))`",
    );
    expect(lines[3]).toMatch(/^guest\.wasm:1:\d+: note: the import in guest\.wasm$/);
    expect(Object.keys(files())).toEqual(["env.d.ts", "guest.wasm"]);
  });

  test("a declaration the guest does not import is a warning; the files are written", () => {
    guest(`(import "env" "now" (func (result f64)))`);
    const r = run(["generate", "env.d.ts", "-o", "gen", "--module", "guest.wasm", "--targets", "c"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "env.d.ts:2:12: warning: `env.divmod` is declared but guest.wasm does not import it\n" +
        "  help: Check its module and name against the guest's imports, or remove the declaration if it is no longer used.\n",
    );
  });

  test("from the configuration, relative to it; a missing module file is an error", () => {
    guest(`(import "env" "divmod" (func (param i32 i32) (result i32 i32)))\n(import "env" "now" (func (result f64)))`);
    writeFileSync(join(dir, "hostbind.config.json"), JSON.stringify({ input: "env.d.ts", outDir: "gen", module: "guest.wasm", targets: "c" }));
    expect(run(["generate", "--check"]).code).toBe(1);
    expect(run(["generate"]).stdout).toBe("wrote gen/env.h\n");
    expect(run(["generate", "--check"]).stdout).toBe("up to date: 1 file in gen\n");
    const r = run(["generate", "--module", "nope.wasm"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^note: using the configuration in hostbind\.config\.json \(.*\)\nerror: Cannot read module file `nope\.wasm`: no such file or directory\n/);
  });
});
