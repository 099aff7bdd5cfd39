/**
 * Golden files: every fixture in `test/fixtures/` through the public
 * `generate()`, one test per fixture and generated file, compared byte for byte
 * with `test/golden/<fixture>/<file>`. Run with `UPDATE=1` to rewrite the
 * goldens after a deliberate change, then review the diff in git.
 *
 * A second group runs the same generation under real Deno and Bun and
 * requires byte-identical results (docs/generated-api.md: deterministic across runtimes).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, generateFixture, goldenPath } from "./support/fixtures.ts";
import { generateAll } from "./support/generate_all.ts";
import { ROOT } from "./support/tmp.ts";

const UPDATE = process.env.UPDATE === "1";

describe.each(FIXTURES)("golden %s", (fixture) => {
  it.each(generateFixture(fixture))("$path", (file) => {
    const path = goldenPath(fixture, file.path);
    if (UPDATE) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
      return;
    }
    if (!existsSync(path)) {
      throw new Error(`No golden file ${path}; run \`UPDATE=1 node_modules/.bin/vitest run test/golden.test.ts\` and review it`);
    }
    expect(file.contents).toBe(readFileSync(path, "utf8"));
  });
});

it("has at least six fixtures", () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(6);
});

describe("same bytes in every runtime", () => {
  const script = join(ROOT, "test", "support", "generate_all.ts");
  const runtimes: Record<string, string[]> = {
    deno: [join(ROOT, "node_modules", ".bin", "deno"), "run", "--quiet", "--allow-read", "--allow-env", script],
    bun: [join(ROOT, "node_modules", ".bin", "bun"), script],
  };
  it.each(Object.keys(runtimes))("%s generates what Node generates", (name) => {
    const [cmd, ...args] = runtimes[name]!;
    const r = spawnSync(cmd!, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const theirs = JSON.parse(r.stdout) as Record<string, string>;
    const ours = generateAll();
    expect(Object.keys(theirs)).toEqual(Object.keys(ours));
    for (const key of Object.keys(ours)) expect(theirs[key], key).toBe(ours[key]);
  });
});
