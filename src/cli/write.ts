/**
 * Atomic output: every file is first written to a temporary file beside its
 * destination, then renamed over it, so a reader never sees half a file and
 * a failure leaves the output directory as it was — temporary files removed,
 * and the directory itself removed again if this call created it. Files whose
 * bytes would not change are not touched, so build tools keyed on mtimes do
 * not rebuild.
 *
 * Runs into one directory are serialised by a lock file there
 * (`.hostbind.lock`, holding the process id; a holder that no longer exists
 * is taken over). A SIGKILL can leave temporary files (`.NAME.*.tmp`) and the
 * lock; SIGINT and SIGTERM are held until the run completes (`holdSignals`).
 *
 * The renames of several files are not one transaction: should a rename fail
 * (they run only after every temporary file was written, and a rename within
 * one directory fails only if the file system does), the files already
 * renamed are put back from the bytes read before, which were kept in memory.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * import { writeOutputs } from "./write.ts";
 * const results = writeOutputs(nodeIO().fs, "out", [{ path: "a.h", contents: "// a\n" }]);
 * results[0]; // { path: "out/a.h", status: "written" }
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { joinPath, parentDir } from "./common.ts";
import { type CliFs, describeFsError, errorCode, processAlive, processId } from "./io.ts";

/** One file to write: a generated file, or bytes (the starter project's guest). */
export interface OutputFile {
  /** Path relative to the directory written into. */
  path: string;
  /** Text (written as UTF-8) or bytes. */
  contents: string | Uint8Array;
}

/** What happened to one output file. */
export interface WriteResult {
  /** The destination path, `DIR/FILE` as the user spelled `DIR`. */
  path: string;
  /** `written` when created or replaced, `unchanged` when it already held these bytes. */
  status: "written" | "unchanged";
}

/** One output file and what is on disk at its path now. */
interface Planned {
  path: string;
  bytes: Uint8Array;
  /** The current bytes at `path`, or `null` when nothing is there. */
  old: Uint8Array | null;
}

/**
 * Writes `files` into `dir` atomically (see the module doc) and reports what
 * happened to each, in order. Throws {@link HostbindError} naming the path
 * when the directory cannot be created or written.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * import { generate } from "../generate.ts";
 * const files = generate("declare namespace env { function now(): f64; }", { file: "env.d.ts" });
 * writeOutputs(nodeIO().fs, "gen", files).map((r) => `${r.status} ${r.path}`);
 * // ["written gen/env.h", "unchanged gen/env.deno.ts", …]
 * ```
 */
export function writeOutputs(fs: CliFs, dir: string, files: readonly OutputFile[]): WriteResult[] {
  const plan = (): Planned[] =>
    files.map((f) => {
      const path = joinPath(dir, f.path);
      const bytes = typeof f.contents === "string" ? new TextEncoder().encode(f.contents) : f.contents;
      return { path, bytes, old: currentBytes(fs, path) };
    });
  const changed = (p: Planned) => p.old === null || !equalBytes(p.old, p.bytes);
  // Nothing to change: no lock either, so an up-to-date read-only directory is fine. (Had another
  // run been replacing these files meanwhile, this run's result is as if it had run first.)
  const before = fs.kind(dir) === "dir" ? plan() : undefined;
  if (before !== undefined && !before.some(changed)) return before.map((p) => ({ path: p.path, status: "unchanged" }));
  // Compared again under the lock: another run may be replacing these very files, and a
  // comparison made halfway through its renames would leave a mixed set.
  // (A directory that does not exist yet gets every file, under the lock writeAll takes.)
  const unlock = before !== undefined ? lockDir(fs, dir) : undefined;
  try {
    const planned = plan();
    const toWrite = planned.filter(changed);
    if (toWrite.length > 0) writeAll(fs, dir, toWrite, unlock !== undefined);
    return planned.map((p) => ({ path: p.path, status: toWrite.includes(p) ? "written" : "unchanged" }));
  } finally {
    unlock?.();
  }
}

/** Stages every file as a temporary file, then renames them into place; undoes everything on failure. */
function writeAll(fs: CliFs, dir: string, toWrite: readonly Planned[], locked: boolean): void {
  const created: string[] = [];
  const temps: string[] = [];
  const renamed: Planned[] = [];
  let unlock = () => {};
  try {
    created.push(...ensureDir(fs, dir));
    if (!locked) unlock = lockDir(fs, dir);
    const staged = toWrite.map((p) => {
      const temp = tempName(p.path);
      // Listed before writing: a write that fails half way (ENOSPC) leaves a file to remove too.
      temps.push(temp);
      try {
        fs.writeNewFile(temp, p.bytes);
      } catch (e) {
        throw cannot(`write \`${p.path}\``, e);
      }
      return { temp, planned: p };
    });
    for (const s of staged) {
      try {
        fs.rename(s.temp, s.planned.path);
      } catch (e) {
        throw cannot(`replace \`${s.planned.path}\``, e);
      }
      temps.splice(temps.indexOf(s.temp), 1);
      renamed.push(s.planned);
    }
  } catch (e) {
    for (const t of temps) ignoreErrors(() => fs.unlink(t));
    for (const p of renamed) ignoreErrors(() => restore(fs, p));
    ignoreErrors(unlock);
    for (const d of created.reverse()) ignoreErrors(() => fs.rmdir(d));
    throw e;
  }
  unlock();
}

/** The lock file a run holds in its output directory while it replaces files there. */
export const LOCK_FILE = ".hostbind.lock";

/** How long a run waits for another one writing into the same directory. */
const LOCK_WAIT_MS = 30_000;

/** How long a lock without a process id may stay so before it is taken to be left over (its writer died). */
const LOCK_UNREADABLE_MS = 2_000;

/**
 * Serialises runs writing into one directory: creates `DIR/.hostbind.lock`
 * (exclusively) holding this process's id, waiting while another live run
 * holds it and taking over from a run that no longer exists (killed by
 * SIGKILL, say). Returns the function that releases it.
 */
function lockDir(fs: CliFs, dir: string): () => void {
  const lock = joinPath(dir, LOCK_FILE);
  const mine = new TextEncoder().encode(`${processId()}\n`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let unreadableSince: number | undefined;
  for (;;) {
    try {
      fs.writeNewFile(lock, mine);
      return () => ignoreErrors(() => fs.unlink(lock));
    } catch (e) {
      if (errorCode(e) !== "EEXIST") throw cannot(`lock \`${dir}\` for writing`, e);
    }
    // Never read anything but a regular file: a FIFO would block this run for good.
    const kind = fs.kind(lock);
    if (kind !== "file" && kind !== "missing") {
      throw new HostbindError(`Cannot lock \`${dir}\` for writing: \`${lock}\` exists and is not a regular file`, {
        hint: `hostbind keeps its lock file at that name while it writes: remove \`${lock}\` (nothing was written).`,
      });
    }
    const text = new TextDecoder().decode(safeRead(fs, lock)).trim();
    const holder = Number(text);
    if (!/^[0-9]+$/.test(text) || holder <= 0) {
      // Empty or partial: its owner may have created it and not yet written its id. Only a lock
      // that stays so for a while is taken to be left over.
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince < LOCK_UNREADABLE_MS) {
        sleep(20);
        continue;
      }
    }
    if (!/^[0-9]+$/.test(text) || holder <= 0 || !processAlive(holder)) {
      unreadableSince = undefined;
      ignoreErrors(() => fs.unlink(lock));
      continue;
    }
    if (Date.now() > deadline) {
      throw new HostbindError(`Cannot write into \`${dir}\`: another hostbind run (process ${holder}) has been writing there for ${LOCK_WAIT_MS / 1000} s`, {
        hint: `Wait for it to finish; if no such run exists, remove \`${lock}\`.`,
      });
    }
    sleep(20);
  }
}

function safeRead(fs: CliFs, path: string): Uint8Array {
  try {
    return fs.readFile(path);
  } catch {
    return new Uint8Array(0);
  }
}

/** Blocks the thread for `ms` (runs are synchronous; the wait is short). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Puts back what was at `p.path` before this run replaced it (or removes what it created). */
function restore(fs: CliFs, p: Planned): void {
  if (p.old === null) return fs.unlink(p.path);
  const temp = tempName(p.path);
  fs.writeNewFile(temp, p.old);
  fs.rename(temp, p.path);
}

/**
 * The bytes of the regular file at `path`, or `null` when nothing is there.
 * A directory or other non-file at an output path is an error: replacing it
 * would lose data.
 */
function currentBytes(fs: CliFs, path: string): Uint8Array | null {
  const kind = fs.kind(path);
  if (kind === "missing") return null;
  if (kind !== "file") {
    throw new HostbindError(`Cannot write \`${path}\`: it exists and is not a regular file`, {
      hint: "Move it away or choose another --out-dir or --name.",
    });
  }
  try {
    return fs.readFile(path);
  } catch (e) {
    throw cannot(`read \`${path}\``, e);
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Creates `dir` and its missing parents; returns the ones created, outermost first. */
function ensureDir(fs: CliFs, dir: string): string[] {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const kind = fs.kind(at);
    if (kind === "dir") break;
    if (kind !== "missing") {
      throw new HostbindError(`Cannot create output directory \`${dir}\`: \`${at}\` is not a directory`, {
        hint: "Choose an --out-dir whose parents are directories.",
      });
    }
    missing.unshift(at);
    const parent = parentDir(at);
    if (parent === at) break;
    at = parent;
  }
  const created: string[] = [];
  try {
    for (const d of missing) {
      try {
        fs.mkdir(d);
      } catch (e) {
        // `mkdir -p` semantics: a path that now exists as a directory (`nx/..` once `nx` is made) is fine.
        if (errorCode(e) === "EEXIST" && fs.kind(d) === "dir") continue;
        throw e;
      }
      created.push(d);
    }
  } catch (e) {
    for (const d of created.reverse()) ignoreErrors(() => fs.rmdir(d));
    throw cannot(`create output directory \`${dir}\``, e);
  }
  return created;
}

function cannot(what: string, e: unknown): HostbindError {
  return new HostbindError(`Cannot ${what}: ${describeFsError(e)}`, {
    hint: "Check that the output directory is writable, or choose another with --out-dir.",
  });
}

/** A hidden sibling of `path` that no other run picks (random suffix). */
function tempName(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${rand}.tmp`;
}

function ignoreErrors(f: () => void): void {
  try {
    f();
  } catch {
    // best-effort cleanup after an earlier failure; that failure is what gets reported
  }
}

/**
 * Refuses to replace `path` — a file that is the user's to edit (`declare
 * --out`, `generate --stubs`, `init`) — unless `force`. Call it before
 * writing anything, so a refusal leaves every file as it was.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * refuseToReplace(nodeIO().fs, "guest.d.ts", false, "--out"); // throws when guest.d.ts exists
 * ```
 */
export function refuseToReplace(fs: CliFs, path: string, force: boolean, option: string): void {
  if (force || fs.kind(path) === "missing") return;
  throw new HostbindError(`\`${path}\` already exists; not replacing it`, {
    hint: `It may hold your edits: choose another ${option}, or pass --force to replace it.`,
  });
}

/**
 * Writes one file atomically (`dir/name` from its path) and returns the
 * line the CLI prints for it.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * writeOneFile(nodeIO().fs, "out/guest.d.ts", "export {};\n"); // "wrote out/guest.d.ts\n"
 * ```
 */
export function writeOneFile(fs: CliFs, path: string, contents: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dir = slash < 0 ? "." : parentDir(path);
  const [result] = writeOutputs(fs, dir, [{ path: path.slice(slash + 1), contents }]);
  return `${result!.status === "written" ? "wrote" : "unchanged"} ${result!.path}\n`;
}

/**
 * Checks, before anything is written, that a file can be created at `path`
 * (the nearest existing folder on its way is writable), so a run that would
 * fail there fails first, naming `option`, with every other file unchanged.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * probeWritable(nodeIO().fs, "/proc/x.c", "--stubs"); // throws: Cannot write `--stubs` file `/proc/x.c`: …
 * ```
 */
export function probeWritable(fs: CliFs, path: string, option: string): void {
  let dir = parentDir(path);
  while (fs.kind(dir) === "missing" && parentDir(dir) !== dir) dir = parentDir(dir);
  const probe = tempName(joinPath(dir, "probe"));
  try {
    if (fs.kind(dir) !== "dir") throw new Error(`\`${dir}\` is not a directory`);
    fs.writeNewFile(probe, new Uint8Array(0));
  } catch (e) {
    throw new HostbindError(`Cannot write \`${option}\` file \`${path}\`: ${e instanceof Error && !errorCode(e) ? e.message : describeFsError(e)}`, {
      hint: `Choose a writable path for ${option}; nothing was written.`,
    });
  }
  ignoreErrors(() => fs.unlink(probe));
}
