/**
 * Test helper: runs the real `hostbind` CLI as a process — `src/cli.ts` under
 * Deno or Bun from `node_modules/.bin`, or Node on a `tsc` build of `src/`
 * (the npm package's shape) — and makes scratch directories under `.tmp/`
 * for it to read and write.
 *
 * @example
 * ```ts
 * import { cli } from "./cli.ts";
 * const dir = tempDir("cli");
 * const r = cli("deno", ["explain", "env.d.ts"], dir);
 * r.status; // 0
 * ```
 * @module
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "./tmp.ts";

/** The runtimes the CLI runs under. */
export type Runtime = "deno" | "bun" | "node";

/** The runtimes that run the TypeScript source directly, in the order tests alternate over them. */
export const RUNTIMES: readonly Runtime[] = ["deno", "bun"];

/** What one CLI process did. */
export interface CliRun {
  /** Its exit status. */
  status: number | null;
  /** Its standard output. */
  stdout: string;
  /** Its standard error. */
  stderr: string;
}

const ENTRY = join(ROOT, "src/cli.ts");

let nodeBuild: string | undefined;

/**
 * Builds `src/` with `tsc -p tsconfig.build.json` into a scratch copy of the
 * npm package's layout (`dist/` beside `templates/`, which the emitters read
 * at run time), once per test process, and returns the path of its `cli.js`.
 */
export function nodeEntry(): string {
  if (nodeBuild === undefined) {
    const pkg = tempDir("pkg");
    const dist = join(pkg, "dist");
    const r = spawnSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json", "--outDir", dist], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (!existsSync(join(dist, "cli.js"))) throw new Error(`tsc build failed:\n${r.stdout}${r.stderr}`);
    cpSync(join(ROOT, "templates"), join(pkg, "templates"), { recursive: true });
    nodeBuild = join(dist, "cli.js");
  }
  return nodeBuild;
}

/** Runs `hostbind ARGS…` under `runtime` with the working directory `cwd`. */
export function cli(runtime: Runtime, args: readonly string[], cwd: string): CliRun {
  const cmd = runtime === "node" ? process.execPath : join(ROOT, "node_modules/.bin", runtime);
  const argv = runtime === "deno"
    ? ["run", "-A", ENTRY, ...args]
    : [runtime === "node" ? nodeEntry() : ENTRY, ...args];
  const r = spawnSync(cmd, argv, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Every file under `dir` with its bytes (as latin1 text, so any byte compares)
 * and mtime: a snapshot to prove a failed run changed nothing.
 */
export function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, rel);
    const st = statSync(path);
    out[rel] = { bytes: st.isFile() ? readFileSync(path, "latin1") : "<dir>", mtimeMs: st.mtimeMs };
  }
  return out;
}
