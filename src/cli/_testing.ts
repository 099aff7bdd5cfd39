/**
 * Test support for the CLI: runs {@link main} in-process against the real
 * file system with standard output and error captured.
 *
 * @example
 * ```ts
 * import { runMain } from "./_testing.ts";
 * const r = runMain(["--version"]);
 * r.code;   // 0
 * r.stdout; // "hostbind 0.1.0\n"
 * ```
 * @module
 */
import { type CliFs, nodeIO } from "./io.ts";
import { main } from "./main.ts";

/** What one in-process run produced. */
export interface MainResult {
  /** The exit code `main` returned. */
  code: number;
  /** Everything written to standard output. */
  stdout: string;
  /** Everything written to standard error. */
  stderr: string;
}

/**
 * Runs `main(argv)` with captured output, on the real file system unless `fs` is given.
 *
 * @example
 * ```ts
 * runMain(["explain", "x.d.ts"]).stderr; // "error: Cannot read input file `x.d.ts`: …"
 * ```
 */
export function runMain(argv: readonly string[], fs: CliFs = nodeIO().fs): MainResult {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), fs });
  return { code, stdout, stderr };
}
