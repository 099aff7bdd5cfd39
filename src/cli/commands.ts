/**
 * The commands' runners, which pull in the whole pipeline (and the
 * TypeScript compiler). `main` loads this module only once the command line
 * is known to be well formed, so `--help`, `--version` and usage mistakes
 * answer without it.
 *
 * @example
 * ```ts
 * import { COMMAND_RUNNERS } from "./commands.ts";
 * import { main } from "./main.ts";
 * import { nodeIO } from "./io.ts";
 * main(["explain", "env.d.ts"], nodeIO(), COMMAND_RUNNERS); // runs synchronously
 * ```
 * @module
 */
import type { ParsedArgs } from "./args.ts";
import { runDeclare } from "./declare_command.ts";
import { runExplain } from "./explain_command.ts";
import { runGenerate } from "./generate_command.ts";
import { runInit } from "./init_command.ts";
import type { CommandName } from "./help.ts";
import type { CliIO } from "./io.ts";

/** One command: its parsed arguments in, an exit code out (a promise for `generate --watch`). */
export type CommandRunner = (args: ParsedArgs, io: CliIO) => number | Promise<number>;

/** Every command's runner. */
export type CommandRunners = Readonly<Record<CommandName, CommandRunner>>;

/** The runners of `generate`, `explain`, `declare` and `init`. */
export const COMMAND_RUNNERS: CommandRunners = {
  generate: runGenerate,
  explain: runExplain,
  declare: runDeclare,
  init: runInit,
};
