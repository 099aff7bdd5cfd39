/**
 * `hostbind generate INPUT --out-dir DIR [--name NAME] [--lib PATH] [--targets LIST]`:
 * reads INPUT, generates every output in memory, then writes them atomically.
 *
 * @example
 * ```ts
 * import { runGenerate } from "./generate_command.ts";
 * import { nodeIO } from "./io.ts";
 * runGenerate(["env.d.ts", "--out-dir", "gen", "--lib", "./libenv"], nodeIO()); // 0
 * ```
 * @module
 */
import { generate, OUTPUT_KINDS, type OutputKind, readDeclarations } from "../generate.ts";
import { watString } from "../ir/names.ts";
import type { Declarations } from "../ir/types.ts";
import { type ArgSpec, parseArgs, UsageError } from "./args.ts";
import { readInput } from "./input.ts";
import type { CliIO } from "./io.ts";
import { writeOutputs } from "./write.ts";

/** The options `generate` accepts. */
export const GENERATE_SPEC: ArgSpec = {
  options: {
    "out-dir": { alias: "o", value: "DIR" },
    name: { value: "NAME" },
    lib: { value: "PATH" },
    targets: { value: "LIST" },
    help: { alias: "h" },
  },
};

/**
 * Runs `generate` with the arguments after the command name; returns the exit code.
 *
 * @example
 * ```ts
 * runGenerate(["env.d.ts", "-o", "gen", "--targets", "c"], nodeIO()); // 0, prints "wrote gen/env.h"
 * ```
 */
export function runGenerate(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, GENERATE_SPEC, "generate");
  const input = singleInput(args.positionals, "generate");
  const outDir = args.values["out-dir"];
  if (outDir === undefined) throw new UsageError("missing required option `--out-dir DIR`", "generate");
  if (outDir === "") throw new UsageError("`--out-dir` must not be empty", "generate");
  const targets = args.values.targets === undefined ? undefined : parseTargets(args.values.targets);

  const source = readInput(io.fs, input);
  const files = generate(source, { file: input, name: args.values.name, lib: args.values.lib, targets });
  // Only a .wasm input can import memories or tables; reading its import section again is cheap.
  if (typeof source !== "string") io.stderr(otherImportsWarning(readDeclarations(source, input)));
  for (const r of writeOutputs(io.fs, outDir, files)) {
    io.stdout(`${r.status === "written" ? "wrote" : "unchanged"} ${r.path}\n`);
  }
  return 0;
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

/**
 * The one INPUT positional of a command.
 *
 * @example
 * ```ts
 * singleInput(["env.d.ts"], "explain"); // "env.d.ts"
 * singleInput([], "explain");           // throws UsageError("missing INPUT argument")
 * ```
 */
export function singleInput(positionals: readonly string[], command: string): string {
  if (positionals.length === 0) throw new UsageError("missing INPUT argument", command);
  if (positionals.length > 1) {
    throw new UsageError(`expected one INPUT, got ${positionals.length}: ${positionals.join(" ")}`, command);
  }
  return positionals[0]!;
}
