/**
 * `hostbind generate [INPUT] [--out-dir DIR] [options]`: reads INPUT,
 * generates every output in memory, then writes them atomically — or, with
 * `--check`, compares them with DIR and writes nothing, or, with `--watch`,
 * regenerates on every change. INPUT and the options may come from a
 * configuration file (`config.ts`); flags override it field by field.
 *
 * @example
 * ```ts
 * import { runGenerate } from "./generate_command.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * const args = (argv: string[]) => parseArgs(argv, COMMAND_SPECS.generate, "generate");
 * runGenerate(args(["env.d.ts", "--out-dir", "gen", "--lib", "./libenv"]), nodeIO()); // 0
 * runGenerate(args(["--check"]), nodeIO()); // 0 when gen/ is up to date with the config's input
 * ```
 * @module
 */
import { type ParsedArgs, UsageError } from "./args.ts";
import { checkOutputs, checkReport, leftoverOutputs } from "./check.ts";
import { CONFIG_FILES } from "./config.ts";
import type { CliIO } from "./io.ts";
import { basename, dirname, relative, resolve } from "node:path";
import { HostbindError } from "../errors.ts";
import { DEFAULT_OUTPUT_KINDS, defaultName, type GeneratedFile, skeleton } from "../generate.ts";
import type { Declarations } from "../ir/types.ts";
import { buildJob, type GenerateJob, resolveJob } from "./job.ts";
import { watchJob } from "./watch.ts";
import { probeWritable, refuseToReplace, writeOneFile, writeOutputs } from "./write.ts";


/**
 * Runs `generate` with its parsed arguments; returns the
 * exit code, as a promise for `--watch` (which ends on Ctrl-C).
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runGenerate(parseArgs(["env.d.ts", "-o", "gen", "--targets", "c"], COMMAND_SPECS.generate, "generate"), nodeIO()); // 0, prints "wrote gen/env.h"
 * ```
 */
export function runGenerate(args: ParsedArgs, io: CliIO): number | Promise<number> {
  if (args.flags.has("check") && args.flags.has("watch")) {
    throw new UsageError("`--check` and `--watch` cannot be combined", "generate");
  }
  if (args.flags.has("watch")) {
    if (args.values.stubs !== undefined) {
      throw new UsageError(
        "`--stubs` writes a starting file once: not with `--watch`; run `generate --stubs FILE` once, then `--watch`",
        "generate",
      );
    }
    const job = resolveJob(args, io.fs); // usage and config mistakes end the command before watching starts
    io.stderr(job.configNote ?? "");
    const configs = args.values.config === undefined ? CONFIG_FILES.map((c) => c.name) : [args.values.config];
    return watchJob(() => resolveJob(args, io.fs), [...configs, job.input], io);
  }
  const stubs = args.values.stubs;
  if (stubs !== undefined) {
    if (args.flags.has("check")) throw new UsageError("`--stubs` writes a file: not with `--check`", "generate");
    if (!/\.(c|rs)$/.test(stubs)) throw new UsageError(`\`--stubs\` needs a .c or .rs file name, not \`${stubs}\``, "generate");
  } else if (args.flags.has("force")) {
    throw new UsageError("`--force` needs `--stubs FILE`", "generate");
  }
  const job = resolveJob(args, io.fs);
  io.stderr(job.configNote ?? "");
  if (stubs !== undefined) refuseToReplace(io.fs, stubs, args.flags.has("force"), "--stubs");
  const { decls, files, warnings } = buildJob(job, io.fs);
  if (stubs !== undefined) refuseStubsOverOutput(job, stubs, files);
  io.stderr(warnings);
  if (args.flags.has("check")) {
    const name = job.name ?? defaultName(job.input);
    const report = checkReport(job.outDir, [...checkOutputs(io.fs, job.outDir, files), ...leftoverOutputs(io.fs, job.outDir, name, files)]);
    if (report.ok) io.stdout(report.text);
    else io.stderr(report.text);
    return report.ok ? 0 : 1;
  }
  // Made before anything is written, like the files: a mistake leaves every file as it was.
  const skeletonFile = stubs === undefined ? undefined : { path: stubs, contents: stubsFile(job, stubs, decls) };
  if (skeletonFile !== undefined) probeWritable(io.fs, skeletonFile.path, "--stubs");
  for (const r of writeOutputs(io.fs, job.outDir, files)) {
    io.stdout(`${r.status === "written" ? "wrote" : "unchanged"} ${r.path}\n`);
  }
  if (skeletonFile !== undefined) io.stdout(writeOneFile(io.fs, skeletonFile.path, skeletonFile.contents));
  return 0;
}

/**
 * The text of the `--stubs` file: C for `.c`, Rust for `.rs` (which needs
 * the Rust output it includes), referring to the generated file by its path
 * relative to the stubs file.
 */
function stubsFile(job: GenerateJob, stubs: string, decls: Declarations): string {
  const rust = stubs.endsWith(".rs");
  if (rust && !(job.targets ?? DEFAULT_OUTPUT_KINDS).includes("rust")) {
    throw new HostbindError(`\`--stubs ${stubs}\` implements the Rust output, which this run does not generate`, {
      hint: `Add rust to the targets, e.g. --targets ${[...(job.targets ?? DEFAULT_OUTPUT_KINDS), "rust"].join(",")}.`,
    });
  }
  const name = job.name ?? defaultName(job.input);
  const from = (path: string) => relative(dirname(resolve(stubs)), path).replace(/\\/g, "/");
  const generated = from(resolve(job.outDir, `${name}${rust ? ".rs" : ".h"}`));
  // The build lines write the library where the bindings load it from: --lib is relative to them.
  const library = job.lib === undefined ? undefined : from(resolve(job.outDir, job.lib));
  return skeleton(decls, { ...job, language: rust ? "rust" : "c", generated, output: basename(stubs), library });
}

/** A usage error when `--stubs` names a file this run also generates: the next run would replace the user's code. */
function refuseStubsOverOutput(job: GenerateJob, stubs: string, files: readonly GeneratedFile[]): void {
  const clash = files.find((f) => resolve(job.outDir, f.path) === resolve(stubs));
  if (clash === undefined) return;
  throw new UsageError(
    `\`--stubs ${stubs}\` is a file this run generates (${clash.path} in ${job.outDir}); every later run would replace your code: `
      + "put the implementation outside the output directory or under another name",
    "generate",
  );
}
