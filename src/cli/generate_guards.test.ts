/**
 * `generate` refuses what would destroy the user's files or mislead them
 * (issue 19): outputs over the input, `--stubs` over an output, `--stubs`
 * with `--watch`, options named like Object.prototype members, a bad
 * `--symbol-prefix`, an unwritable `--stubs` path; and it works where it
 * used to fail: an up-to-date read-only output directory, a lock file that
 * is not a file, a lock whose owner has not yet written its id.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { inDir, runMain } from "../../test/support/cli_main.ts";
import { tempDir } from "../../test/support/tmp.ts";
import { nodeIO } from "./io.ts";
import { LOCK_FILE } from "./write.ts";

const DECLS = `import type { i32, i64 } from "hostbind/types";

export declare namespace env {
  function add(a: i32, b: i32): i32;
  function wide(a: i64): i64;
}
`;

let dir: string;
beforeEach(() => {
  dir = tempDir("guards");
  writeFileSync(join(dir, "env.d.ts"), DECLS);
});

/** Runs `hostbind ARGV` with `dir` as the current directory. */
const run = (argv: string[]) => runMain(argv, inDir(dir));

/** Every file under `dir` and its text: what a refused run must leave as it was. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(root, p), "latin1");
    }
  };
  walk("");
  return out;
}

describe("data loss refused before anything is written", () => {
  test("a .ts input in the output directory: the generated NAME.ts would replace it", () => {
    writeFileSync(join(dir, "env.ts"), DECLS);
    const before = tree(dir);
    const r = run(["generate", "env.ts", "--out-dir", "."]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: The output `env.ts` would replace the input file `env.ts`");
    expect(r.stderr).toContain("help: Nothing was written. Choose another --out-dir (e.g. gen) or --name, or rename the input to env.d.ts.");
    expect(tree(dir)).toEqual(before);
  });

  test("--name x.d for x.d.ts writes x.d.ts: refused", () => {
    const before = tree(dir);
    const r = run(["generate", "env.d.ts", "--out-dir", ".", "--name", "env.d"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The output `env.d.ts` would replace the input file `env.d.ts`");
    expect(tree(dir)).toEqual(before);
  });

  test("--stubs naming a file the run generates is a usage error", () => {
    const before = tree(dir);
    const r = run(["generate", "env.d.ts", "--out-dir", "src", "--targets", "c,rust", "--stubs", "src/env.rs"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: `--stubs src\/env\.rs` is a file this run generates \(env\.rs in src\); every later run would replace your code/);
    expect(tree(dir)).toEqual(before);
  });

  test("an unwritable --stubs path fails first, naming --stubs, and nothing is written", () => {
    // A path under a regular file cannot be written by anyone, root included.
    writeFileSync(join(dir, "file"), "");
    const before = tree(dir);
    const r = run(["generate", "env.d.ts", "--out-dir", "gen", "--stubs", "file/env.c"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot write `--stubs` file `file\/env\.c`: /);
    expect(r.stderr).toContain("help: Choose a writable path for --stubs; nothing was written.");
    expect(tree(dir)).toEqual(before);
  });
});

describe("options", () => {
  test("--stubs with --watch is a usage error, not silently ignored", () => {
    const r = run(["generate", "env.d.ts", "--out-dir", "gen", "--stubs", "env.c", "--watch"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: `--stubs` writes a starting file once: not with `--watch`/);
  });

  for (const name of ["constructor", "__proto__", "valueOf", "hasOwnProperty", "toString"]) {
    test(`--${name} is an unknown option`, () => {
      const r = run(["generate", "env.d.ts", "--out-dir", "gen", `--${name}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: unknown option \`--${name}\``));
    });
  }

  test("a bad --symbol-prefix is one error naming the flag", () => {
    const r = run(["generate", "env.d.ts", "--out-dir", "gen", "--symbol-prefix", "1x-"]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/error:/g)).toHaveLength(1);
    expect(r.stderr).toContain("error: Invalid symbol prefix `1x-` (--symbol-prefix, or symbolPrefix in the configuration): it starts with a digit");
  });
});

describe("the --stubs skeleton", () => {
  test("defines HOSTBIND_IMPLEMENTATION, says which runtime needs the shims, and builds where --lib points", () => {
    const r = run(["generate", "env.d.ts", "--out-dir", "gen", "--lib", "../build/libenv", "--stubs", "src/env.c"]);
    expect(r.code, r.stderr).toBe(0);
    const c = readFileSync(join(dir, "src/env.c"), "utf8");
    expect(c).toContain("Build (Linux): cc -shared -fPIC -o ../build/libenv.so env.c");
    expect(c).toContain("Build (macOS): cc -dynamiclib -o ../build/libenv.dylib env.c");
    expect(c).toContain(
      " * Compiles the header's call shims into this library, once. Node calls every\n"
        + " * import through them (2); Bun calls env.wide; Deno calls env.wide.\n */\n"
        + '#define HOSTBIND_IMPLEMENTATION\n#include "../gen/env.h"\n',
    );
  });
});

describe("configuration and --check", () => {
  test("says which configuration file a run uses, and that a lower one is not used", () => {
    writeFileSync(join(dir, "deno.json"), JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "gen" } }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ hostbind: { input: "env.d.ts", outDir: "other" } }));
    const r = run(["generate"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("note: using the configuration in deno.json (input, outDir; flags override it); package.json's is not used\n");
    // An ad-hoc run in the same folder sees the same line: the configuration's fields apply to it too.
    expect(run(["generate", "env.d.ts", "--targets", "c"]).stderr).toMatch(/^note: using the configuration in deno\.json/);
  });

  test("--check reports a file an earlier run wrote that this one no longer would", () => {
    expect(run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c,rust"]).code).toBe(0);
    expect(run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c,rust", "--check"]).code).toBe(0);
    const r = run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c", "--check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "unexpected gen/env.rs (generated earlier; this run no longer writes it)\n"
        + "error: 1 file in `gen` generated earlier would no longer be written\n"
        + "  help: Remove them if their target was dropped on purpose, or add the target back.\n",
    );
    // A file of the user's own with such a name is not hostbind's to report.
    writeFileSync(join(dir, "gen/env.rs"), "// mine\n");
    expect(run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c", "--check"]).code).toBe(0);
  });
});

describe("the output directory and its lock", () => {
  test("a read-only output directory where every file is up to date: exit 0, nothing touched", () => {
    expect(run(["generate", "env.d.ts", "--out-dir", "gen"]).code).toBe(0);
    // The file system refuses every new file, as a read-only directory does (also for root).
    const readOnly = { ...nodeIO().fs, writeNewFile: () => { throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" }); } };
    const r = runMain(["generate", "env.d.ts", "--out-dir", "gen"], inDir(dir, readOnly));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^unchanged gen\/env\.h\n/);
    // A change to write is still an error naming the directory.
    writeFileSync(join(dir, "gen/env.h"), "old\n");
    const changed = runMain(["generate", "env.d.ts", "--out-dir", "gen"], inDir(dir, readOnly));
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/^error: Cannot lock `gen` for writing: /);
  });

  test("an up-to-date run takes no lock: it succeeds while a directory stands at the lock's name", () => {
    expect(run(["generate", "env.d.ts", "--out-dir", "gen"]).code).toBe(0);
    mkdirSync(join(dir, "gen", LOCK_FILE));
    expect(run(["generate", "env.d.ts", "--out-dir", "gen"]).code).toBe(0);
  });

  test("a lock that is a directory or a FIFO: a clear error at once, naming it (no spinning, no blocking)", () => {
    expect(run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c"]).code).toBe(0);
    mkdirSync(join(dir, "gen", LOCK_FILE));
    const start = Date.now();
    const r = run(["generate", "env.d.ts", "--out-dir", "gen"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: Cannot lock \`gen\` for writing: \`gen/${LOCK_FILE}\` exists and is not a regular file\n`
        + `  help: hostbind keeps its lock file at that name while it writes: remove \`gen/${LOCK_FILE}\` (nothing was written).\n`,
    );
    expect(Date.now() - start).toBeLessThan(20_000);
    const fifo = join(dir, "fifo-out");
    mkdirSync(fifo);
    writeFileSync(join(fifo, "env.h"), "old\n");
    expect(spawnSync("mkfifo", [join(fifo, LOCK_FILE)]).status).toBe(0);
    const f = run(["generate", "env.d.ts", "--out-dir", "fifo-out"]);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain("exists and is not a regular file");
    expect(readFileSync(join(fifo, "env.h"), "utf8")).toBe("old\n");
  });

  test("an empty lock (its owner not yet done writing its id) is waited for, not taken over at once", () => {
    expect(run(["generate", "env.d.ts", "--out-dir", "gen", "--targets", "c"]).code).toBe(0);
    writeFileSync(join(dir, "gen", LOCK_FILE), "");
    const start = Date.now();
    const r = run(["generate", "env.d.ts", "--out-dir", "gen"]);
    // Left over for good (nobody writes an id into it): taken over after the grace period.
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - start).toBeGreaterThanOrEqual(1_900);
    expect(existsSync(join(dir, "gen", LOCK_FILE))).toBe(false);
  });
});
