/**
 * Test support for the CLI: runs {@link main} in-process against the real
 * file system with standard output and error captured.
 *
 * @example
 * ```ts
 * import { runMain } from "./cli_main.ts";
 * const r = runMain(["--version"]);
 * r.code;   // 0
 * r.stdout; // "hostbind 0.1.0\n"
 * ```
 * @module
 */
import { type CliFs, nodeIO } from "../../src/cli/io.ts";
import { joinPath } from "../../src/cli/common.ts";
import { COMMAND_RUNNERS } from "../../src/cli/commands.ts";
import { main } from "../../src/cli/main.ts";

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
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), fs }, COMMAND_RUNNERS);
  if (typeof code !== "number") throw new Error("runMain: this run did not finish synchronously (--watch?)");
  return { code, stdout, stderr };
}

/**
 * The real file system seen from `dir`: relative paths resolve against it,
 * as if the process ran there. Lets in-process tests find configuration
 * files "in the current directory" without changing the test process's.
 *
 * @example
 * ```ts
 * runMain(["generate"], inDir("/tmp/project")); // reads /tmp/project/hostbind.config.json
 * ```
 */
export function inDir(dir: string, fs: CliFs = nodeIO().fs): CliFs {
  const at = (p: string) => (/^([\\/]|[A-Za-z]:)/.test(p) ? p : joinPath(dir, p));
  return {
    readFile: (p) => fs.readFile(at(p)),
    writeNewFile: (p, data) => fs.writeNewFile(at(p), data),
    rename: (from, to) => fs.rename(at(from), at(to)),
    unlink: (p) => fs.unlink(at(p)),
    mkdir: (p) => fs.mkdir(at(p)),
    rmdir: (p) => fs.rmdir(at(p)),
    kind: (p) => fs.kind(at(p)),
  };
}
