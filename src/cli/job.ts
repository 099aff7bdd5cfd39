/**
 * One `generate` job — command-line flags and the configuration file
 * resolved once into complete settings — and the step every mode shares:
 * read the input, cross-check it against `--module`, and generate the files
 * in memory. Writing (`write.ts`), comparing (`check.ts`) and watching
 * (`watch.ts`) all start from {@link buildJob}.
 *
 * @example
 * ```ts
 * import { buildJob, resolveJob } from "./job.ts";
 * const job = resolveJob(parseArgs(argv, GENERATE_SPEC, "generate"), io.fs);
 * const { files, warnings } = buildJob(job, io.fs);
 * ```
 * @module
 */
import { HostbindError, throwIfAny } from "../errors.ts";
import { generate, type GeneratedFile, OUTPUT_KINDS, type OutputKind, readDeclarations } from "../generate.ts";
import { compareWithModule, type ModuleWarning } from "../ir/compare.ts";
import { watString } from "../emit/wat.ts";
import type { Declarations } from "../ir/types.ts";
import { parseWasm } from "../parse/mod.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { findConfig, type GenerateConfig, readConfigFile } from "./config.ts";
import { readInput } from "./input.ts";
import { type CliFs, describeFsError } from "./io.ts";

/** Complete settings of one `generate` run. */
export interface GenerateJob {
  /** The input file, as typed or resolved from the configuration. */
  input: string;
  /** The output directory. */
  outDir: string;
  /** Base name of the outputs (default: from the input's name). */
  name?: string;
  /** The library path written into the bindings. */
  lib?: string;
  /** The outputs to produce (default: the library's defaults). */
  targets?: OutputKind[];
  /** A compiled guest whose function imports the declarations must match. */
  module?: string;
  /** The configuration file the job used, if any. */
  config?: string;
}

/** What {@link buildJob} produced: the files and the warnings to print. */
export interface BuiltJob {
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
 * resolveJob(parseArgs(["-o", "out"], GENERATE_SPEC, "generate"), fs);
 * // { input: "env.d.ts", outDir: "out", config: "deno.json", … } with deno.json's "hostbind": { "input": "env.d.ts" }
 * ```
 */
export function resolveJob(args: ParsedArgs, fs: CliFs): GenerateJob {
  const configPath = args.values.config;
  const config: GenerateConfig | undefined = configPath === undefined
    ? findConfig(fs)
    : readConfigFile(fs, configPath, true);
  if (args.positionals.length > 1) {
    throw new UsageError(`expected one INPUT, got ${args.positionals.length}: ${args.positionals.join(" ")}`, "generate");
  }
  const input = args.positionals[0] ?? config?.input;
  const where = config === undefined ? "" : ` (none in ${config.file} either)`;
  if (input === undefined) {
    throw new UsageError(`missing INPUT argument${where || " and no hostbind configuration in this directory"}`, "generate");
  }
  const outDir = args.values["out-dir"] ?? config?.outDir;
  if (outDir === undefined) throw new UsageError(`missing required option \`--out-dir DIR\`${where}`, "generate");
  if (outDir === "") throw new UsageError("`--out-dir` must not be empty", "generate");
  const targets = args.values.targets === undefined ? config?.targets : parseTargets(args.values.targets);
  const job: GenerateJob = { input, outDir };
  const name = args.values.name ?? config?.name;
  const lib = args.values.lib ?? config?.lib;
  const module = args.values.module ?? config?.module;
  if (name !== undefined) job.name = name;
  if (lib !== undefined) job.lib = lib;
  if (targets !== undefined) job.targets = targets;
  if (module !== undefined) job.module = module;
  if (config !== undefined) job.config = config.file;
  return job;
}

/**
 * Reads the job's input (and module), cross-checks them, and generates every
 * output in memory. Throws {@link HostbindError} for any user mistake.
 *
 * @example
 * ```ts
 * buildJob({ input: "env.d.ts", outDir: "gen", module: "guest.wasm" }, fs).files.map((f) => f.path);
 * // ["env.h", "env.deno.ts", "env.bun.ts"]
 * ```
 */
export function buildJob(job: GenerateJob, fs: CliFs): BuiltJob {
  const source = readInput(fs, job.input);
  let warnings = "";
  // A .wasm input is read again for its other imports; a .d.ts again for the
  // cross-check. Both are cheap next to generation, and keep generate() simple.
  const decls = typeof source !== "string" || job.module !== undefined ? readDeclarations(source, job.input) : undefined;
  if (decls && typeof source !== "string") warnings += otherImportsWarning(decls);
  if (decls && job.module !== undefined) {
    const { errors, warnings: unused } = compareWithModule(decls, parseWasm(readModule(fs, job.module), job.module));
    throwIfAny(errors);
    warnings += unused.map(formatWarning).join("");
  }
  const files = generate(source, { file: job.input, name: job.name, lib: job.lib, targets: job.targets });
  return { files, warnings };
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
 * A warning as the CLI prints it: `FILE:LINE:COL: warning: …` and its help line.
 *
 * @example
 * ```ts
 * formatWarning({ message: "`env.now` is declared but guest.wasm does not import it", location, hint: "…" });
 * // "env.d.ts:3:12: warning: `env.now` is declared but guest.wasm does not import it\n  help: …\n"
 * ```
 */
export function formatWarning(w: ModuleWarning): string {
  const { file, line, column } = w.location;
  return `${file}:${line}:${column}: warning: ${w.message}\n  help: ${w.hint}\n`;
}

/**
 * A warning about the imports of a `.wasm` input that are not functions
 * (memories, tables, globals, tags): hostbind's bindings do not provide them,
 * so the host application must. `""` when there are none.
 *
 * @example
 * ```ts
 * otherImportsWarning(decls);
 * // 'warning: guest.wasm also imports memory "env" "memory", which hostbind does not provide\n  help: …\n'
 * ```
 */
export function otherImportsWarning(decls: Declarations): string {
  const others = decls.otherImports ?? [];
  if (others.length === 0) return "";
  const list = others.map((o) => `${o.kind} ${watString(o.module)} ${watString(o.name)}`).join(", ");
  return `warning: ${decls.file} also imports ${list}, which hostbind does not provide\n` +
    "  help: Add them to the import object yourself, next to the generated host's imports.\n";
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
      throw new UsageError(`unknown output \`${k}\` in \`--targets\`; expected ${OUTPUT_KINDS.join(", ")}`, "generate");
    }
  }
  return kinds as OutputKind[];
}
