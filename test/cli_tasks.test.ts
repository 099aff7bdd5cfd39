/**
 * With the configuration in `deno.json` or `package.json`, `deno task gen`
 * and `bun run gen` need no flags — also when started from a subdirectory,
 * since both run tasks in the directory of their configuration file, which
 * is the one directory hostbind looks in.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { generate } from "../src/generate.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

const DECLS = "export declare namespace env {\n  function now(): f64;\n}\n";
const ENTRY = join(ROOT, "src/cli.ts");

function task(runtime: "deno" | "bun", args: string[], cwd: string) {
  const r = spawnSync(join(ROOT, "node_modules/.bin", runtime), args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1", PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}` },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("deno task gen (deno.json) and bun run gen (package.json) from a subdirectory", () => {
  const dir = tempDir("tasks");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "env.d.ts"), DECLS);
  writeFileSync(join(dir, "deno.json"), JSON.stringify({
    tasks: { gen: `deno run -A ${ENTRY} generate` },
    hostbind: { input: "env.d.ts", outDir: "gen", lib: "./libenv", targets: ["c", "deno"] },
  }));
  const deno = task("deno", ["task", "gen"], join(dir, "sub"));
  expect(deno.status, deno.stderr).toBe(0);
  expect(deno.stdout).toBe("wrote gen/env.h\nwrote gen/env.deno.ts\nwrote gen/env.ts\n");
  const want = generate(DECLS, { file: "env.d.ts", lib: "./libenv", targets: ["deno"] })[0]!;
  expect(readFileSync(join(dir, "gen/env.deno.ts"), "utf8")).toBe(want.contents);

  // package.json alone (deno.json would take precedence).
  writeFileSync(join(dir, "deno.json"), "{}");
  writeFileSync(join(dir, "package.json"), JSON.stringify({
    name: "p",
    private: true,
    scripts: { gen: `bun ${ENTRY} generate`, check: `bun ${ENTRY} generate --check` },
    hostbind: { input: "env.d.ts", outDir: "gen-bun", targets: "bun" },
  }));
  const bun = task("bun", ["run", "gen"], join(dir, "sub"));
  expect(bun.status, bun.stderr).toBe(0);
  expect(bun.stdout).toBe("wrote gen-bun/env.bun.ts\nwrote gen-bun/env.ts\n");
  expect(task("bun", ["run", "check"], join(dir, "sub"))).toMatchObject({ status: 0, stdout: "up to date: 2 files in gen-bun\n" });
});
