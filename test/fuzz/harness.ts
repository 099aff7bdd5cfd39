/**
 * Shared steps of the runtime tests (churn, load errors, bounds): a fresh
 * scratch directory under `.tmp/`, hostbind's generated files written into
 * it, and a script run under a real runtime.
 *
 * @example
 * ```ts
 * import { freshDir, generateInto, runUnder } from "./harness.ts";
 * const dir = freshDir("churn");
 * generateInto(dir, declText, "churn");
 * const r = await runUnder("bun", "test/fuzz/churn/runner.ts", [dir]);
 * ```
 * @module
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.ts";
import { exec, type ExecResult, runtimeCommand, type Runtime } from "./tools.ts";
import { ROOT } from "../support/tmp.ts";

/** An empty directory `.tmp/test-NAME` in the repository (removed and re-created). */
export function freshDir(name: string): string {
  const dir = join(ROOT, ".tmp", `test-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Generates `NAME.h`, `NAME.deno.ts`, `NAME.bun.ts` from declaration text into `dir` (library `./libNAME`). */
export function generateInto(dir: string, declarations: string, name: string): void {
  for (const f of generate(declarations, { file: `${name}.d.ts`, name, lib: `./lib${name}` })) {
    writeFileSync(join(dir, f.path), f.contents);
  }
}

/** Runs `script args…` (script relative to the repository) under `runtime`. */
export function runUnder(runtime: Runtime, script: string, args: readonly string[], timeoutMs = 120_000): Promise<ExecResult> {
  const [cmd, argv] = runtimeCommand(runtime, join(ROOT, script), args);
  return exec(cmd, argv, { timeoutMs });
}

/** The last stdout line of a run parsed as JSON, or an error that shows everything the child printed. */
export function lastJson<T>(r: ExecResult): T {
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`expected a JSON line; exit ${r.code} ${r.signal ?? ""}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}
