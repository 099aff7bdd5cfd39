/**
 * The CLI's only contact with the runtime: standard output and error, and a
 * handful of synchronous file operations, all through `node:` modules that
 * Deno, Bun and Node share. Everything else in `src/cli` takes a {@link CliIO}
 * so commands run in-process in tests with captured output and injected
 * failures.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * const io = nodeIO();
 * io.stdout("hello\n");
 * io.fs.kind("src"); // "dir"
 * ```
 * @module
 */
import * as fs from "node:fs";
import { HostbindError } from "../errors.ts";
import process from "node:process";

/** What a path currently is. */
export type PathKind = "file" | "dir" | "other" | "missing";

/**
 * The file operations the CLI needs. Failures throw errors carrying a Node
 * style `code` (`ENOENT`, `ENOTDIR`, …); {@link describeFsError} words them.
 */
export interface CliFs {
  /** The whole file as bytes. */
  readFile(path: string): Uint8Array;
  /** Creates `path` with `data`, failing if it already exists. */
  writeNewFile(path: string, data: Uint8Array): void;
  /** Renames `from` to `to`, replacing `to` (atomically on POSIX). */
  rename(from: string, to: string): void;
  /** Removes a file. */
  unlink(path: string): void;
  /** Creates one directory (its parent must exist). */
  mkdir(path: string): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  /** What `path` is, following symbolic links; `missing` when nothing is there. */
  kind(path: string): PathKind;
}

/** What `generate --watch` needs beyond files: change events, Ctrl-C and the clock. */
export interface WatchIO {
  /**
   * Calls `onChange` after something changed among the entries of the
   * directory `dir` (not recursively); returns a function that stops
   * watching. Events carry no detail: the caller compares contents itself,
   * because what editors report (rename, change, several per save) differs.
   */
  watchDir(dir: string, onChange: () => void): () => void;
  /**
   * Calls `handler` once on Ctrl-C (SIGINT, exit code 0) or SIGTERM (143),
   * from the event loop: never during a run.
   */
  onInterrupt(handler: (code: number) => void): void;
  /** The current time, for the `HH:MM:SS` of each run. */
  now(): Date;
}

/** Everything the CLI touches outside itself. */
export interface CliIO {
  /** Writes text to standard output, synchronously. */
  stdout(text: string): void;
  /** Writes text to standard error, synchronously. */
  stderr(text: string): void;
  /** The file system. */
  fs: CliFs;
  /** Watching for changes; absent where the CLI cannot watch (in-process tests). */
  watch?: WatchIO;
}

/**
 * The real I/O of the running process (Deno, Bun or Node).
 *
 * @example
 * ```ts
 * nodeIO().stderr("warning: …\n");
 * ```
 */
export function nodeIO(): CliIO {
  return { stdout: (t) => writeAll(1, t), stderr: (t) => writeAll(2, t), fs: nodeFs, watch: nodeWatch };
}

/**
 * `node:fs` `watch` works alike in Deno, Bun and Node. A directory is
 * watched rather than the file, since editors that save by writing a new
 * file and renaming it over the old one would end a watch on the file.
 */
const nodeWatch: WatchIO = {
  watchDir(dir, onChange) {
    const w = fs.watch(dir, { persistent: true }, () => onChange());
    // A watched directory that disappears ends its watcher with an error; the caller's
    // polling notices the change and watches the directory again once it exists.
    w.on("error", () => onChange());
    return () => w.close();
  },
  onInterrupt(handler) {
    // Both held as events: a signal then arrives between runs, never halfway through writing files.
    // Listening on (not once): a second signal before the exit must not take the default action.
    let done = false;
    const once = (code: number) => () => {
      if (!done) handler(code);
      done = true;
    };
    process.on("SIGINT", once(0));
    process.on("SIGTERM", once(143));
  },
  now: () => new Date(),
};

const nodeFs: CliFs = {
  readFile: (p) => new Uint8Array(fs.readFileSync(p)),
  writeNewFile: (p, data) => fs.writeFileSync(p, data, { flag: "wx" }),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (p) => fs.unlinkSync(p),
  mkdir: (p) => fs.mkdirSync(p),
  rmdir: (p) => fs.rmdirSync(p),
  kind(p) {
    try {
      const s = fs.statSync(p);
      return s.isFile() ? "file" : s.isDirectory() ? "dir" : "other";
    } catch (e) {
      const code = errorCode(e);
      if (code === "ENOENT" || code === "ENOTDIR") return "missing";
      // A symlink loop, a directory without search permission, a name too long: the user's to fix.
      throw new HostbindError(`Cannot access \`${p}\`: ${describeFsError(e)}`, {
        hint: "Check the path and its permissions (every directory on it must be searchable).",
      });
    }
  },
};

/**
 * Writes with `fs.writeSync` rather than `process.stdout.write` so nothing is
 * still buffered when the entry calls `process.exit`; retries partial writes
 * and `EAGAIN` (a non-blocking pipe that is momentarily full).
 */
function writeAll(fd: number, text: string): void {
  let bytes = new TextEncoder().encode(text);
  while (bytes.length > 0) {
    let n: number;
    try {
      n = fs.writeSync(fd, bytes);
    } catch (e) {
      if (errorCode(e) === "EAGAIN") continue;
      throw e;
    }
    bytes = bytes.subarray(n);
  }
}

/**
 * The command-line arguments after the script name.
 *
 * @example
 * ```ts
 * processArgs(); // ["generate", "env.d.ts", "-o", "gen"] for `bun src/cli.ts generate env.d.ts -o gen`
 * ```
 */
export function processArgs(): string[] {
  return process.argv.slice(2);
}

/**
 * Ends the process with `code` (output is already flushed: it is written synchronously).
 *
 * @example
 * ```ts
 * import { main } from "./main.ts";
 * import { COMMAND_RUNNERS } from "./commands.ts";
 * const code = main(processArgs(), nodeIO(), COMMAND_RUNNERS);
 * if (typeof code === "number") exit(code);
 * ```
 */
export function exit(code: number): never {
  process.exit(code);
}

/** This process's id (written into an output directory's lock file). */
export function processId(): number {
  return process.pid;
}

/** True when a process with id `pid` exists (a lock's holder may have been killed). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === "EPERM";
  }
}

/**
 * Holds SIGINT and SIGTERM while a command runs: the signal is noted instead
 * of ending the process in the middle of replacing output files, and the
 * returned function gives the exit code it asks for (130, 143) or
 * `undefined`. Generating and writing are synchronous, so a held signal takes
 * effect right after a run completes: the output directory holds either the
 * whole old set of files or the whole new one, never temporary files.
 */
export function holdSignals(): () => number | undefined {
  let received: number | undefined;
  process.on("SIGINT", () => (received ??= 130));
  process.on("SIGTERM", () => (received ??= 143));
  return () => received;
}

/**
 * The `code` of a Node-style system error (`ENOENT`), or `undefined`.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * try { readFileSync("nope"); } catch (e) { errorCode(e); } // "ENOENT"
 * ```
 */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EEXIST: "it already exists",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many levels of symbolic links",
  EBUSY: "the resource is busy",
};

/**
 * A short, runtime-independent reason for a file-system error. Deno, Bun and
 * Node word `e.message` differently, so the CLI words the error code itself
 * and its output stays byte-identical across runtimes.
 */
export function describeFsError(e: unknown): string {
  const code = errorCode(e);
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return REASONS[code] ?? `system error ${code}`;
}
