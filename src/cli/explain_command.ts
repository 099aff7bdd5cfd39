/**
 * `hostbind explain INPUT [--target T] [--json]`: shows the native ABI of
 * every import — wasm type, C prototype, result struct layout — for one
 * target, as text or JSON.
 *
 * @example
 * ```ts
 * import { runExplain } from "./explain_command.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runExplain(parseArgs(["env.d.ts", "--target", "i686-linux"], COMMAND_SPECS.explain, "explain"), nodeIO()); // 0, prints the layout
 * ```
 * @module
 */
import { hostTarget, layout, TARGETS, targetByName } from "../layout/mod.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { explainJson, explainText } from "./explain_render.ts";
import { otherImportsWarning, readDeclarationsFile, singleInput } from "./common.ts";
import type { CliIO } from "./io.ts";


/**
 * Runs `explain` with its parsed arguments; returns the exit code.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runExplain(parseArgs(["env.d.ts", "--json"], COMMAND_SPECS.explain, "explain"), nodeIO()); // 0, prints the layout as JSON
 * ```
 */
export function runExplain(args: ParsedArgs, io: CliIO): number {
  const input = singleInput(args.positionals, "explain");
  const name = args.values.target;
  const target = name === undefined ? hostTarget() : targetByName(name);
  if (target === undefined) {
    throw new UsageError(`unknown target \`${name}\`; expected one of ${TARGETS.map((t) => t.name).join(", ")}`, "explain");
  }
  const decls = readDeclarationsFile(io.fs, input, {
    excludeModules: args.lists["exclude-module"],
    excludeImports: args.lists["exclude-import"],
  });
  const l = layout(decls, { target });
  io.stderr(otherImportsWarning(decls));
  io.stdout(args.flags.has("json") ? explainJson(decls, l) : explainText(decls, l));
  return 0;
}
