/**
 * One `generate` job — command-line flags and the configuration file, both
 * {@link GenerateSettings}, merged once into complete settings — and the step
 * every mode shares: read and parse the input (once), cross-check it against
 * `--module`, and generate the files in memory. Writing (`write.ts`), comparing (`check.ts`) and watching
 * (`watch.ts`) all start from {@link buildJob}.
 *
 * @example
 * ```ts
 * import { buildJob, resolveJob } from "./job.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * const io = nodeIO();
 * const job = resolveJob(parseArgs(["env.d.ts", "-o", "gen"], COMMAND_SPECS.generate, "generate"), io.fs);
 * const { files, warnings } = buildJob(job, io.fs);
 * ```
 * @module
 */
import { HostbindError, throwIfAny } from "../errors.ts";
import { generate, type GeneratedFile, OUTPUT_KINDS, type OutputKind } from "../generate.ts";
import { compareWithModule } from "../ir/compare.ts";
import { excludeImports, excludeModules } from "../ir/select.ts";
import { symbolWarnings } from "../ir/validate.ts";
import type { Declarations } from "../ir/types.ts";
import { readWasm } from "../parse/mod.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { formatWarning, otherImportsWarning, readDeclarationsFile } from "./common.ts";
import { configNote, findConfig, type GenerateSettings, readConfigFile } from "./config.ts";
import { type CliFs, describeFsError } from "./io.ts";
import { closest } from "../suggest.ts";
import { resolve } from "node:path";

/**
 * Complete settings of one `generate` run: the flags and the configuration
 * merged, with the two fields every run needs set.
 */
export interface GenerateJob extends GenerateSettings {
  /** The input file, as typed or resolved from the configuration. */
  input: string;
  /** The output directory. */
  outDir: string;
  /** The configuration file the job used, if any. */
  config?: string;
  /** The line saying which configuration the job used (empty when none). */
  configNote?: string;
}

/** What {@link buildJob} produced: the files and the warnings to print. */
export interface BuiltJob {
  /** The declarations the files were generated from (after `--module` checks). */
  decls: Declarations;
  /** The generated files, paths relative to the job's `outDir`. */
  files: GeneratedFile[];
  /** Warnings, formatted as the CLI prints them (`""` when there are none). */
  warnings: string;
}

/**
 * Merges the flags with the configuration (flags win, field by field): the
 * file named by `--config`, else the one found in the current directory.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * resolveJob(parseArgs(["-o", "out"], COMMAND_SPECS.generate, "generate"), nodeIO().fs);
 * // { input: "env.d.ts", outDir: "out", config: "deno.json", … } with deno.json's "hostbind": { "input": "env.d.ts" }
 * ```
 */
export function resolveJob(args: ParsedArgs, fs: CliFs): GenerateJob {
  const configPath = args.values.config;
  const config = configPath === undefined ? findConfig(fs) : readConfigFile(fs, configPath, true);
  if (args.positionals.length > 1) {
    throw new UsageError(`expected one INPUT, got ${args.positionals.length}: ${args.positionals.join(" ")}`, "generate");
  }
  const flags: GenerateSettings = {
    input: args.positionals[0],
    outDir: args.values["out-dir"],
    name: args.values.name,
    lib: args.values.lib,
    targets: args.values.targets === undefined ? undefined : parseTargets(args.values.targets),
    module: args.values.module,
    symbolPrefix: args.values["symbol-prefix"],
    excludeModules: args.lists["exclude-module"],
    excludeImports: args.lists["exclude-import"],
  };
  // Flags win, field by field; fields neither sets stay absent.
  const merged: GenerateSettings = { ...config?.settings };
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) Object.assign(merged, { [key]: value });
  const { input, outDir } = merged;
  const where = config === undefined ? "" : ` (none in ${config.file} either)`;
  if (input === undefined) {
    throw new UsageError(`missing INPUT argument${where || " and no hostbind configuration in this directory"}`, "generate");
  }
  if (outDir === undefined) throw new UsageError(`missing required option \`--out-dir DIR\`${where}`, "generate");
  if (outDir === "") throw new UsageError("`--out-dir` must not be empty", "generate");
  return config === undefined
    ? { ...merged, input, outDir }
    : { ...merged, input, outDir, config: config.file, configNote: configNote(config) };
}

/**
 * Reads the job's input (and module), cross-checks them, and generates every
 * output in memory. Throws {@link HostbindError} for any user mistake.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * buildJob({ input: "env.d.ts", outDir: "gen", module: "guest.wasm" }, nodeIO().fs).files.map((f) => f.path);
 * // ["env.h", "env.deno.ts", "env.bun.ts"]
 * ```
 */
export function buildJob(job: GenerateJob, fs: CliFs): BuiltJob {
  const decls = readDeclarationsFile(fs, job.input, job);
  let warnings = otherImportsWarning(decls) + symbolWarnings(decls).map((w) => `warning: ${w}\n`).join("");
  if (job.module !== undefined) {
    // The guest's imports from excluded modules, and single excluded imports, are the host application's to serve: not required.
    const read = readWasm(readModule(fs, job.module), job.module);
    // What the declarations serve stays, so it is still cross-checked: a file may serve part of a module.
    const served = new Set(decls.modules.flatMap((m) => m.functions.map((fn) => JSON.stringify([fn.module, fn.name]))));
    const guest = excludeImports(excludeModules(read, job.excludeModules ?? []), job.excludeImports ?? [], (module, name) => served.has(JSON.stringify([module, name])));
    const { errors, warnings: unused } = compareWithModule(decls, guest);
    throwIfAny(errors);
    warnings += unused.map(formatWarning).join("");
  }
  const files = generate(decls, job);
  refuseToOverwriteInputs(job, files);
  return { decls, files, warnings };
}

/**
 * An error, before anything is written, when an output would land on a file
 * this run reads (`generate env.ts --out-dir .` writes `env.ts`; so does
 * `--name env.d` for `env.d.ts`): writing would destroy the input.
 */
function refuseToOverwriteInputs(job: GenerateJob, files: readonly GeneratedFile[]): void {
  const read = [
    ["input", job.input],
    ["--module", job.module],
    ["configuration", job.config],
  ] as const;
  for (const f of files) {
    const out = resolve(job.outDir, f.path);
    const hit = read.find(([, path]) => path !== undefined && resolve(path) === out);
    if (hit === undefined) continue;
    throw new HostbindError(
      `The output \`${f.path}\` would replace the ${hit[0] === "input" ? "input file" : hit[0] === "--module" ? "guest module" : "configuration file"} \`${hit[1]}\``,
      {
        hint: `Nothing was written. Choose another --out-dir (e.g. gen) or --name${hit[0] === "input" && !hit[1].endsWith(".d.ts") ? `, or rename the input to ${f.path.replace(/\.ts$/, ".d.ts")}` : ""}.`,
      },
    );
  }
}

function readModule(fs: CliFs, path: string): Uint8Array {
  try {
    return fs.readFile(path);
  } catch (e) {
    throw new HostbindError(`Cannot read module file \`${path}\`: ${describeFsError(e)}`, {
      hint: "Pass the compiled guest (.wasm) with --module; the path is relative to the current directory.",
    });
  }
}

/**
 * Splits `c,deno` into output kinds. An unknown kind is a usage error, like
 * an unknown option: it is about the command line, not the input file.
 *
 * @example
 * ```ts
 * parseTargets("c, rust"); // ["c", "rust"]
 * ```
 */
export function parseTargets(list: string): OutputKind[] {
  const kinds = list.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (kinds.length === 0) {
    throw new UsageError(`\`--targets\` needs at least one of ${OUTPUT_KINDS.join(", ")}`, "generate");
  }
  for (const k of kinds) {
    if (!(OUTPUT_KINDS as readonly string[]).includes(k)) {
      const near = closest(k, OUTPUT_KINDS);
      const expected = near === undefined ? `expected ${OUTPUT_KINDS.join(", ")}` : `did you mean \`${near}\`?`;
      throw new UsageError(`unknown output \`${k}\` in \`--targets\`; ${expected}`, "generate");
    }
  }
  return kinds as OutputKind[];
}
