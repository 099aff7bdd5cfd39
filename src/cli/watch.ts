/**
 * `generate --watch`: generate, then again on every change of the input,
 * the `--module` guest or the configuration, until Ctrl-C (exit 0). Each run
 * prints one line — `12:04:31 generated 3 files (1 changed)` on standard
 * output, or the error as a normal run prints it, time-stamped, on standard
 * error — and a bad edit never ends the watch.
 *
 * Change events are only a prompt: after they settle ({@link DEBOUNCE_MS}),
 * the watched files' bytes are compared with those of the last run, and only
 * a real change regenerates. That absorbs the several events one save makes,
 * saves that change nothing, and the events of writing the outputs when they
 * land beside the input.
 *
 * @example
 * ```ts
 * import { watchJob } from "./watch.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * import { resolveJob } from "./job.ts";
 * const io = nodeIO();
 * const args = parseArgs(["--watch"], COMMAND_SPECS.generate, "generate");
 * const code = await watchJob(() => resolveJob(args, io.fs), ["hostbind.config.json"], io); // 0 after Ctrl-C
 * ```
 * @module
 */
import { describeFailure } from "./report.ts";
import type { CliFs, CliIO, WatchIO } from "./io.ts";
import { buildJob, type GenerateJob } from "./job.ts";
import { parentDir } from "./common.ts";
import { writeOutputs } from "./write.ts";

/** How long events must pause before the files are compared: one editor save can make several. */
export const DEBOUNCE_MS = 100;

/**
 * How often the watched files are compared without an event: directory
 * events miss an edit of a symlinked input's target (in another directory)
 * and end when a watched directory is removed and made again; reading a few
 * small files twice a second catches both.
 */
export const POLL_MS = 500;

/**
 * Runs `resolve()`'s job now and after every change; resolves to the exit
 * code (0) on Ctrl-C. `alwaysWatched` are watched whatever the job says: the
 * configuration files a changed job could come from, and the input as typed.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * await watchJob(() => ({ input: "env.d.ts", outDir: "gen" }), ["env.d.ts"], nodeIO());
 * ```
 */
export function watchJob(resolve: () => GenerateJob, alwaysWatched: readonly string[], io: CliIO): Promise<number> {
  const w: WatchIO | undefined = io.watch;
  if (w === undefined) throw new Error("watchJob: this CliIO cannot watch files");
  return new Promise((done) => {
    const stops = new Map<string, () => void>();
    let watched = unique(alwaysWatched);
    let seen = snapshot(io.fs, watched);
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = () => {
      // The contents are taken before the run reads them: a save that lands
      // while it runs, or just after it prints, differs from them and so
      // makes another run. (Taken after the run, such a save was missed.)
      const before = snapshot(io.fs, watched);
      const job = runOnce(resolve, io);
      if (job !== undefined) watched = unique([job.input, job.module, job.config, ...alwaysWatched]);
      const added = snapshot(io.fs, watched.filter((p) => !before.has(p)));
      seen = new Map([...before, ...added]);
      watchDirs();
    };
    /** Watches each directory of a watched file, again after it was removed and made anew. */
    const watchDirs = () => {
      for (const dir of unique(watched.map(parentDir))) {
        const exists = safeKind(io.fs, dir) === "dir";
        const stop = stops.get(dir);
        if (stop !== undefined && exists) continue;
        stop?.();
        stops.delete(dir);
        if (!exists) continue; // the run reported the missing file; watched once it exists
        try {
          stops.set(dir, w.watchDir(dir, onEvent));
        } catch {
          // Gone again in between: the next poll retries.
        }
      }
    };
    const check = () => {
      const now = snapshot(io.fs, watched);
      if (watched.some((p) => !sameBytes(now.get(p) ?? null, seen.get(p) ?? null))) run();
      else watchDirs();
    };
    const onEvent = () => {
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    };
    const poll = setInterval(check, POLL_MS);

    w.onInterrupt((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      for (const stop of stops.values()) stop();
      done(code);
    });
    run();
    const shown = watched.filter((p) => seen.get(p) !== null);
    io.stderr(`watching ${shown.join(", ")} for changes; press Ctrl-C to stop\n`);
  });
}

/** One run: generate and write, then one line; returns the job, or `undefined` when it could not be resolved. */
function runOnce(resolve: () => GenerateJob, io: CliIO): GenerateJob | undefined {
  const time = clock(io.watch!.now());
  let job: GenerateJob | undefined;
  try {
    job = resolve();
    const { files, warnings } = buildJob(job, io.fs);
    const results = writeOutputs(io.fs, job.outDir, files);
    const changed = results.filter((r) => r.status === "written").length;
    io.stderr(warnings);
    io.stdout(`${time} generated ${files.length} ${files.length === 1 ? "file" : "files"} (${changed} changed)\n`);
  } catch (e) {
    io.stderr(`${time} ${describeFailure(e).text}`);
  }
  return job;
}

/** Each path's bytes, or `null` when it is not a readable file. */
function snapshot(fs: CliFs, paths: readonly string[]): Map<string, Uint8Array | null> {
  const out = new Map<string, Uint8Array | null>();
  for (const p of paths) {
    try {
      out.set(p, fs.kind(p) === "file" ? fs.readFile(p) : null);
    } catch {
      out.set(p, null);
    }
  }
  return out;
}

/** The kind of `path`, `missing` when it cannot be examined at all. */
function safeKind(fs: CliFs, path: string): ReturnType<CliFs["kind"]> {
  try {
    return fs.kind(path);
  } catch {
    return "missing";
  }
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `HH:MM:SS` in local time. */
function clock(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

function unique(paths: readonly (string | undefined)[]): string[] {
  return [...new Set(paths.filter((p): p is string => p !== undefined))];
}
