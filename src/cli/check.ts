/**
 * `generate --check`: are the files on disk what `generate` would write? For
 * CI, so a change to the declarations that was not followed by a
 * regeneration fails the build. Reads only; never writes.
 *
 * @example
 * ```ts
 * import { checkOutputs } from "./check.ts";
 * import { nodeIO } from "./io.ts";
 * import { generate } from "../generate.ts";
 * const files = generate("declare namespace env { function now(): f64; }", { file: "env.d.ts" });
 * checkOutputs(nodeIO().fs, "gen", files);
 * // [{ path: "gen/env.h", status: "ok" }, { path: "gen/env.deno.ts", status: "stale" }, …]
 * ```
 * @module
 */
import type { GeneratedFile } from "../options.ts";
import { allOutputPaths, GENERATED_BANNER } from "../generate.ts";
import type { CliFs } from "./io.ts";
import { joinPath } from "./common.ts";
import { unifiedDiff } from "./diff.ts";

/** How one expected output compares with the file on disk. */
export interface CheckResult {
  /** The destination path, `DIR/FILE` as the user spelled `DIR`. */
  path: string;
  /**
   * `ok` when the file holds exactly these bytes, `missing` when nothing
   * (or no regular file) is there, `stale` when it holds other bytes or
   * cannot be read; `unexpected` for a file hostbind generated that this
   * run would no longer write (a dropped target).
   */
  status: "ok" | "missing" | "stale" | "unexpected";
  /** For a stale text file: a short unified diff from the file on disk to what would be written. */
  diff?: string;
}

/**
 * Compares each of `files` with what is at its path in `dir`, in order.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * checkOutputs(nodeIO().fs, "gen", [{ path: "env.h", contents: "…" }]); // [{ path: "gen/env.h", status: "missing" }]
 * ```
 */
export function checkOutputs(fs: CliFs, dir: string, files: readonly GeneratedFile[]): CheckResult[] {
  return files.map((f) => {
    const path = joinPath(dir, f.path);
    const kind = fs.kind(path);
    if (kind === "missing") return { path, status: "missing" };
    if (kind !== "file") return { path, status: "stale" };
    let bytes: Uint8Array;
    try {
      bytes = fs.readFile(path);
    } catch {
      return { path, status: "stale" };
    }
    const want = new TextEncoder().encode(f.contents);
    const same = bytes.length === want.length && bytes.every((b, i) => b === want[i]);
    if (same) return { path, status: "ok" };
    let onDisk: string;
    try {
      onDisk = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { path, status: "stale" }; // not text: no diff to show
    }
    return { path, status: "stale", diff: unifiedDiff(onDisk, f.contents, `${path} (on disk)`, `${path} (generated)`) };
  });
}

/**
 * The files in `dir` that an earlier run generated for output name `name`
 * (they start with hostbind's banner) but this run's `files` no longer
 * include — left behind by a dropped target — as `unexpected` results.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * leftoverOutputs(nodeIO().fs, "gen", "env", [{ path: "env.h", contents: "…" }]);
 * // [{ path: "gen/env.rs", status: "unexpected" }] when gen/env.rs was generated before
 * ```
 */
export function leftoverOutputs(fs: CliFs, dir: string, name: string, files: readonly GeneratedFile[]): CheckResult[] {
  const written = new Set(files.map((f) => f.path));
  return allOutputPaths(name).filter((p) => !written.has(p) && generatedFile(fs, joinPath(dir, p)))
    .map((p) => ({ path: joinPath(dir, p), status: "unexpected" }));
}

/** True for a regular file whose first line carries hostbind's banner. */
function generatedFile(fs: CliFs, path: string): boolean {
  if (fs.kind(path) !== "file") return false;
  try {
    const head = new TextDecoder().decode(fs.readFile(path).subarray(0, 200));
    return head.split("\n", 1)[0]!.includes(GENERATED_BANNER);
  } catch {
    return false;
  }
}

/**
 * The report of a check: `ok` and the text for standard output when every
 * file is up to date, else the text for standard error listing each file
 * that is not, with what differs in each stale one.
 *
 * @example
 * ```ts
 * const results: CheckResult[] = [{ path: "gen/env.h", status: "stale" }, { path: "gen/env.deno.ts", status: "ok" }];
 * checkReport("gen", results).text;
 * // "stale gen/env.h\nerror: 1 of 3 generated files in `gen` is out of date\n  help: …\n"
 * ```
 */
export function checkReport(dir: string, results: readonly CheckResult[]): { ok: boolean; text: string } {
  const bad = results.filter((r) => r.status !== "ok" && r.status !== "unexpected");
  const extra = results.filter((r) => r.status === "unexpected");
  const n = results.length - extra.length;
  if (bad.length === 0 && extra.length === 0) return { ok: true, text: `up to date: ${n} ${n === 1 ? "file" : "files"} in ${dir}\n` };
  const lines = bad.map((r) => `${r.status} ${r.path}\n${r.diff ?? ""}`).join("")
    + extra.map((r) => `unexpected ${r.path} (generated earlier; this run no longer writes it)\n`).join("");
  const verb = bad.length === 1 ? "is" : "are";
  const summary = bad.length === 0
    ? `error: ${extra.length} ${extra.length === 1 ? "file" : "files"} in \`${dir}\` generated earlier would no longer be written\n`
      + "  help: Remove them if their target was dropped on purpose, or add the target back.\n"
    : `error: ${bad.length} of ${n} generated ${n === 1 ? "file" : "files"} in \`${dir}\` ${verb} out of date\n`
      + `  help: Run the same \`hostbind generate\` command without --check to update them${extra.length > 0 ? "; remove the unexpected ones" : ""}.\n`;
  return { ok: false, text: lines + summary };
}
