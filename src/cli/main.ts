/**
 * The CLI as a function: arguments and an I/O object in, exit code out. It
 * never exits the process or touches `process` itself, so tests run it
 * in-process; `src/cli.ts` is the thin entry that does.
 *
 * Exit codes: 0 success; 1 a {@link HostbindError} (bad input, unreadable
 * input, unwritable output), printed as `FILE:LINE:COL: error: …` with its
 * notes and help and no stack trace; 2 a {@link UsageError}; 70 anything
 * else, which is a bug in hostbind and is printed with its stack.
 *
 * @example
 * ```ts
 * import { main } from "./main.ts";
 * import { nodeIO } from "./io.ts";
 * const code = main(["explain", "env.d.ts"], nodeIO());
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { parseArgs, UsageError } from "./args.ts";
import { runDeclare } from "./declare_command.ts";
import { runExplain } from "./explain_command.ts";
import { runGenerate } from "./generate_command.ts";
import { type CommandName, COMMANDS, helpText } from "./help.ts";
import type { CliIO } from "./io.ts";
import { VERSION } from "./version.ts";

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, error: 1, usage: 2, internal: 70 } as const;

const RUN: Record<CommandName, (argv: readonly string[], io: CliIO) => number> = {
  generate: runGenerate,
  explain: runExplain,
  declare: runDeclare,
};

/**
 * Runs hostbind with `argv` (the arguments after the program name); returns the exit code.
 *
 * @example
 * ```ts
 * main(["--version"], nodeIO()); // 0, prints "hostbind 0.1.0"
 * main(["--bogus"], nodeIO());   // 2
 * ```
 */
export function main(argv: readonly string[], io: CliIO): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.format()}\n`);
      return EXIT.usage;
    }
    if (e instanceof HostbindError) {
      io.stderr(`${e.format()}\n`);
      return EXIT.error;
    }
    const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    io.stderr(`internal error (a bug in hostbind): ${detail}\n`);
    return EXIT.internal;
  }
}

function dispatch(argv: readonly string[], io: CliIO): number {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("missing command; expected one of " + COMMANDS.join(", "));
  if (first === "help") {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(`unknown command \`${topic}\``);
    io.stdout(helpText(topic));
    return EXIT.ok;
  }
  if (isCommand(first)) {
    // `--help` anywhere wins over every other mistake on the line, as users expect.
    if (rest.some((a) => a === "--help" || a === "-h")) {
      io.stdout(helpText(first));
      return EXIT.ok;
    }
    return RUN[first](rest, io);
  }
  const top = parseArgs(argv, { options: { help: { alias: "h" }, version: {} } }, "");
  if (top.flags.has("help")) {
    io.stdout(helpText(undefined));
    return EXIT.ok;
  }
  if (top.flags.has("version")) {
    io.stdout(`hostbind ${VERSION}\n`);
    return EXIT.ok;
  }
  throw new UsageError(`unknown command \`${first}\`; expected one of ${COMMANDS.join(", ")}`);
}

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}
