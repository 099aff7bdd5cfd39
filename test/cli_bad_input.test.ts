/**
 * Every bad declaration in `test/bad/` through the CLI: exit 1, the error at
 * the expected `FILE:LINE:COL` with the expected words and a `help:` line, no
 * stack trace, and the output directory untouched. Each file runs in-process
 * through `main()`, and as a real process under Deno or Bun (alternating, to
 * keep the suite fast).
 *
 * Each file starts with two lines:
 *
 *     // expect: <a substring of the error message>
 *     // at: LINE:COL
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { inDir, runMain } from "./support/cli_main.ts";
import type { CliFs } from "../src/cli/io.ts";
import { cli, RUNTIMES, snapshot } from "./support/cli.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

const BAD = "test/bad";

interface BadCase {
  /** The input path as passed to the CLI, relative to the repository root. */
  input: string;
  /** A substring the error message must contain. */
  expect: string;
  /** `LINE:COL` of the error. */
  at: string;
}

function badCases(): BadCase[] {
  return readdirSync(join(ROOT, BAD))
    .filter((f) => f.endsWith(".d.ts"))
    .sort()
    .map((f) => {
      const input = `${BAD}/${f}`;
      const [first = "", second = ""] = readFileSync(join(ROOT, input), "utf8").split("\n");
      const expectation = /^\/\/ expect: (.+)$/.exec(first.trimEnd())?.[1];
      const at = /^\/\/ at: (\d+:\d+)$/.exec(second.trimEnd())?.[1];
      if (!expectation || !at) throw new Error(`${input}: the first two lines must be \`// expect: …\` and \`// at: LINE:COL\``);
      return { input, expect: expectation, at };
    });
}

const CASES = badCases();

/** The real file system with relative paths taken from the repository root, whatever the test's cwd. */
const fromRoot: CliFs = inDir(ROOT);

/** An output directory holding one sentinel file, to prove a failed run changes nothing. */
function seededOutDir(label: string): string {
  const dir = tempDir(label);
  writeFileSync(join(dir, "sentinel.txt"), "must survive\n");
  return dir;
}

function expectLocatedError(c: BadCase, r: { status?: number | null; code?: number; stdout: string; stderr: string }) {
  expect(r.status ?? r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr.startsWith(`${c.input}:${c.at}: error: `), r.stderr).toBe(true);
  expect(r.stderr).toContain(c.expect);
  expect(r.stderr).toMatch(/^ {2}help: \S/m);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain("internal error");
}

test(`${BAD} holds at least 45 cases`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(45);
});

describe("in-process: main()", () => {
  for (const c of CASES) {
    test(c.input, () => {
      const out = seededOutDir("bad-main");
      const before = snapshot(out);
      expectLocatedError(c, runMain(["generate", c.input, "--out-dir", join(out, "gen")], fromRoot));
      expect(snapshot(out)).toEqual(before);
    });
  }
});

describe("real processes, alternating Deno and Bun", () => {
  CASES.forEach((c, i) => {
    const rt = RUNTIMES[i % RUNTIMES.length]!;
    test(`${rt}: ${c.input}`, () => {
      const out = seededOutDir(`bad-${rt}`);
      const before = snapshot(out);
      // Straight into the seeded directory: a failure must not touch files already there.
      expectLocatedError(c, cli(rt, ["generate", c.input, "--out-dir", out], ROOT));
      expect(snapshot(out)).toEqual(before);
    });
  });
});

describe("other failures leave the output directory alone", () => {
  test.each(RUNTIMES)("%s: missing input file → 1, naming the path", (rt) => {
    const out = seededOutDir("bad-missing");
    const before = snapshot(out);
    const r = cli(rt, ["generate", `${BAD}/no-such-file.d.ts`, "--out-dir", out], ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `error: Cannot read input file \`${BAD}/no-such-file.d.ts\`: no such file or directory\n` +
        "  help: Check the path; it is relative to the current directory.\n",
    );
    expect(snapshot(out)).toEqual(before);
  });

  test.each(RUNTIMES)("%s: output directory below a regular file → 1, clear message", (rt) => {
    const out = seededOutDir("bad-unwritable");
    const before = snapshot(out);
    const target = join(out, "sentinel.txt", "gen");
    const r = cli(rt, ["generate", "test/fixtures/divmod.d.ts", "--targets", "c", "--out-dir", target], ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot create output directory `.*sentinel\.txt\/gen`: `.*sentinel\.txt` is not a directory\n {2}help: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
  });

  test.each(RUNTIMES)("%s: output directory in /proc (not creatable even as root) → 1", (rt) => {
    const r = cli(rt, ["generate", "test/fixtures/divmod.d.ts", "--targets", "c", "--out-dir", "/proc/hostbind-test/gen"], ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot create output directory `\/proc\/hostbind-test\/gen`: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test.each(RUNTIMES)("%s: unknown flag → 2, nothing written", (rt) => {
    const out = seededOutDir("bad-flag");
    const before = snapshot(out);
    const r = cli(rt, ["generate", "test/fixtures/divmod.d.ts", "--out-dir", out, "--frobnicate"], ROOT);
    expect(r).toEqual({
      status: 2,
      stdout: "",
      stderr: "error: unknown option `--frobnicate`\n  help: run `hostbind generate --help` for usage\n",
    });
    expect(snapshot(out)).toEqual(before);
  });
});
