/**
 * `hostbind generate --watch` as a real process under Deno, Bun and Node
 * (the tsc build): edits to the input and to the configuration regenerate,
 * a bad edit is reported and the watch goes on, a save that changes nothing
 * does not run, and Ctrl-C (SIGINT) exits 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { nodeEntry, type Runtime } from "./support/cli.ts";
import { generate } from "../src/generate.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

const VALID = "export declare namespace env {\n  function now(): f64;\n}\n";
const INVALID = "export declare namespace env {\n  function now(): boolean;\n}\n";
const VALID_F32 = "export declare namespace env {\n  function now(): f32;\n}\n";
const STAMP = String.raw`\d\d:\d\d:\d\d`;

/** A running CLI whose output lines are collected as they arrive. */
class Watcher {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly proc: ChildProcess) {
    collect(proc.stdout!, this.stdout);
    collect(proc.stderr!, this.stderr);
    this.exited = new Promise((resolve) => proc.on("exit", (code) => resolve(code)));
  }

  /** Waits until a line of `stream` matches `re` beyond the first `skip` lines; returns it. */
  async line(stream: "stdout" | "stderr", re: RegExp, skip = 0, ms = 20_000): Promise<string> {
    const lines = this[stream];
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = lines.slice(skip).find((l) => re.test(l));
      if (hit !== undefined) return hit;
      if (Date.now() > deadline || this.proc.exitCode !== null) {
        throw new Error(`no ${stream} line matching ${re}\nstdout:\n${this.stdout.join("\n")}\nstderr:\n${this.stderr.join("\n")}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

function collect(stream: NodeJS.ReadableStream, into: string[]): void {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    into.push(...parts);
  });
}

function start(runtime: Runtime, args: string[], cwd: string): Watcher {
  const entry = join(ROOT, "src/cli.ts");
  const [cmd, argv] = runtime === "node"
    ? [process.execPath, [nodeEntry(), ...args]]
    : runtime === "deno"
    ? [join(ROOT, "node_modules/.bin/deno"), ["run", "-A", entry, ...args]]
    : [join(ROOT, "node_modules/.bin/bun"), [entry, ...args]];
  return new Watcher(spawn(cmd, argv, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } }));
}

for (const runtime of ["deno", "bun", "node"] as const) {
  test(`${runtime}: regenerates on edits of the input and the config, survives a bad edit, exits 0 on Ctrl-C`, async () => {
    const dir = tempDir(`watch-${runtime}`);
    const input = join(dir, "env.d.ts");
    const config = join(dir, "hostbind.config.json");
    writeFileSync(input, VALID);
    writeFileSync(config, JSON.stringify({ input: "env.d.ts", outDir: "gen", targets: "c" }));
    const w = start(runtime, ["generate", "--watch"], dir);
    try {
      await w.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`));
      await w.line("stderr", /^watching env\.d\.ts, hostbind\.config\.json for changes; press Ctrl-C to stop$/);

      writeFileSync(input, INVALID);
      await w.line("stderr", new RegExp(`^${STAMP} env\\.d\\.ts:2:\\d+: error: Unsupported type \`boolean\``));
      expect(readFileSync(join(dir, "gen/env.h"), "utf8")).toContain("double env_now(");

      writeFileSync(input, VALID_F32);
      await w.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`), 1);
      expect(readFileSync(join(dir, "gen/env.h"), "utf8")).toContain("float env_now(");

      writeFileSync(config, JSON.stringify({ input: "env.d.ts", outDir: "gen", targets: ["c", "deno"] }));
      await w.line("stdout", new RegExp(`^${STAMP} generated 3 files \\(2 changed\\)$`), 2);

      // A save with the same bytes is no change: no run. Then one more real change, to prove it is still watching.
      writeFileSync(input, VALID_F32);
      await new Promise((r) => setTimeout(r, 400));
      expect(w.stdout).toHaveLength(3);
      writeFileSync(input, VALID);
      await w.line("stdout", new RegExp(`^${STAMP} generated 3 files \\(2 changed\\)$`), 3);
      expect(w.stderr.filter((l) => / error: /.test(l))).toHaveLength(1);
    } finally {
      w.proc.kill("SIGINT");
    }
    expect(await w.exited).toBe(0);
  });
}

/** Many imports: a run takes long enough for a signal to arrive while it writes. */
function bigDeclarations(type: "f64" | "f32"): string {
  const fns = Array.from({ length: 1500 }, (_, i) => `  function f${i}(a: i32, b: i64): [x: ${type}, y: i32];`).join("\n");
  return `export declare namespace env {\n${fns}\n}\n`;
}

for (const runtime of ["deno", "bun", "node"] as const) {
  test(`${runtime}: follows a symlinked input's target and a folder removed and made again; SIGTERM waits for the run`, async () => {
    const dir = tempDir(`watch-more-${runtime}`);
    mkdirSync(join(dir, "real"));
    mkdirSync(join(dir, "decls"));
    writeFileSync(join(dir, "real/env.d.ts"), VALID);
    symlinkSync(join(dir, "real/env.d.ts"), join(dir, "link.d.ts"));
    writeFileSync(join(dir, "decls/other.d.ts"), VALID);
    const link = start(runtime, ["generate", "link.d.ts", "--out-dir", "gen1", "--targets", "c", "--watch"], dir);
    const folder = start(runtime, ["generate", "decls/other.d.ts", "--out-dir", "gen2", "--targets", "c", "--watch"], dir);
    try {
      await link.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`));
      await folder.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`));
      // The target lives in another folder than the link: no event where the link is.
      writeFileSync(join(dir, "real/env.d.ts"), VALID_F32);
      await link.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`), 1);
      expect(readFileSync(join(dir, "gen1/link.h"), "utf8")).toContain("float env_now(");
      // The watched folder goes away (its watcher ends) and comes back.
      rmSync(join(dir, "decls"), { recursive: true });
      await folder.line("stderr", /error: Cannot read input file `decls\/other\.d\.ts`/);
      mkdirSync(join(dir, "decls"));
      writeFileSync(join(dir, "decls/other.d.ts"), VALID_F32);
      await folder.line("stdout", new RegExp(`^${STAMP} generated 1 file \\(1 changed\\)$`), 1);
      expect(readFileSync(join(dir, "gen2/other.h"), "utf8")).toContain("float env_now(");
    } finally {
      link.proc.kill("SIGINT");
      folder.proc.kill("SIGINT");
    }
    expect(await link.exited).toBe(0);
    expect(await folder.exited).toBe(0);

    // SIGTERM while a long run writes: the run completes (the whole new set), then the watch ends.
    writeFileSync(join(dir, "big.d.ts"), `import type { f32, f64, i32, i64 } from "hostbind/types";\n${bigDeclarations("f64")}`);
    const big = start(runtime, ["generate", "big.d.ts", "--out-dir", "gen3", "--watch"], dir);
    await big.line("stdout", new RegExp(`^${STAMP} generated 5 files \\(5 changed\\)$`));
    const before = readdirSync(join(dir, "gen3")).sort();
    writeFileSync(join(dir, "big.d.ts"), `import type { f32, f64, i32, i64 } from "hostbind/types";\n${bigDeclarations("f32")}`);
    const killer = setInterval(() => big.proc.kill("SIGTERM"), 5);
    setTimeout(() => clearInterval(killer), 3_000);
    expect(await big.exited).toBe(143);
    clearInterval(killer);
    // No temporary files, no lock; every file is of one generation.
    expect(readdirSync(join(dir, "gen3")).sort()).toEqual(before);
    const generation = (type: "f64" | "f32") =>
      generate(`import type { f32, f64, i32, i64 } from "hostbind/types";\n${bigDeclarations(type)}`, { file: "big.d.ts" });
    const onDisk = before.map((f) => readFileSync(join(dir, "gen3", f), "utf8"));
    const matches = (type: "f64" | "f32") => generation(type).every((f) => onDisk[before.indexOf(f.path)] === f.contents);
    expect(matches("f64") || matches("f32"), "gen3 holds one whole generation").toBe(true);
  });
}
