/**
 * The documentation is checked like code: every `@example` in `src/`
 * type-checks (Deno's `check --doc-only` compiles each JSDoc code block with
 * the documented module's exports in scope), and the contract the comments
 * cite lives in `docs/`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/tmp.ts";

/** Every TypeScript file under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

describe("documentation", () => {
  it("type-checks every @example in src/", () => {
    const files = tsFiles(join(ROOT, "src")).filter((f) => !f.endsWith(".test.ts")).map((f) => relative(ROOT, f));
    const r = spawnSync(join(ROOT, "node_modules/.bin/deno"), ["check", "--doc-only", ...files], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status, r.stderr).toBe(0);
    // Each code block is checked as a file of its own, named FILE#START-END.ts.
    const blocks = (r.stderr + r.stdout).split("\n").filter((l) => /^Check .*#\d+-\d+\.ts$/.test(l));
    const documented = files.filter((f) => readFileSync(join(ROOT, f), "utf8").includes("@example"));
    expect(blocks.length).toBeGreaterThanOrEqual(documented.length);
    expect(documented.length).toBeGreaterThan(50);
  });

  it("keeps the contract in docs/ and cites nothing outside the repository", () => {
    for (const page of ["abi.md", "declarations.md", "generated-api.md"]) expect(existsSync(join(ROOT, "docs", page))).toBe(true);
    const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => f !== "");
    // The old contract's name, spelled so that this file does not match itself.
    const oldContract = new RegExp(`\\b${"DES"}IGN\\b`);
    const citing = tracked.filter((f) => /\.(ts|md|c|h|rs|tmpl|json)$/.test(f) && oldContract.test(readFileSync(join(ROOT, f), "utf8")));
    expect(citing).toEqual([]);
  });
});

describe("README", () => {
  it("shows only tested code where it says so: each block marked `from: FILE` stands in FILE word for word", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/<!-- from: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const [, file, code] of blocks) {
      expect(readFileSync(join(ROOT, file!), "utf8"), `README block from ${file}`).toContain(code!);
    }
  });
});
