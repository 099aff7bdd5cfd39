/**
 * Temporary directories for tests, under the repository's `.tmp/` (which git
 * ignores), so build output stays inside the work tree and is easy to inspect
 * after a failure. Nothing is deleted automatically: a failing test leaves its
 * files behind for a post-mortem, and `.tmp/` is cheap to wipe.
 *
 * @example
 * ```ts
 * import { tempDir, writeFiles } from "./tmp.ts";
 * const dir = tempDir("header-compile");
 * writeFiles(dir, { "main.c": "int main(void) { return 0; }\n" });
 * ```
 * @module
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root: the one constant every test and helper uses. */
export const ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Creates a fresh, uniquely named directory `.tmp/test/<label>-XXXXXX` and
 * returns its absolute path. `label` should say which test owns it. With
 * `outsideRepo`, the directory is made under the system's temporary
 * directory instead, for a project that must not see this repository's
 * `node_modules` or `deno.json` (an install from the packed tarball).
 */
export function tempDir(label: string, options: { outsideRepo?: boolean } = {}): string {
  const base = options.outsideRepo ? join(tmpdir(), "hostbind-tests") : join(ROOT, ".tmp", "test");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${label.replace(/[^A-Za-z0-9_.-]/g, "_")}-`));
}

/**
 * Writes `files` (relative path → contents) under `dir`, creating
 * subdirectories as needed; returns the absolute paths in the given order.
 */
export function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): string[] {
  return Object.entries(files).map(([rel, contents]) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
    return path;
  });
}
