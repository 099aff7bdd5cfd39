/**
 * The CLI as a function: arguments and an I/O object in, exit code out. It
 * never exits the process or touches `process` itself, so tests run it
 * in-process; `src/cli.ts` is the thin entry that does.
 *
 * Exit codes are in `report.ts`. `generate --watch` runs until Ctrl-C, so
 * `main` returns a promise of the exit code for it and a plain number for
 * every other run.
 *
 * @example
 * ```ts
 * import { main } from "./main.ts";
 * import { nodeIO } from "./io.ts";
 * // The runners load only for a well-formed command line.
 * const code = await main(["explain", "env.d.ts"], nodeIO(), () => import("./commands.ts").then((m) => m.COMMAND_RUNNERS));
 * ```
 * @module
 */
import { parseArgs, UsageError } from "./args.ts";
import type { CommandRunners } from "./commands.ts";
import { type CommandName, COMMAND_SPECS, COMMANDS, helpText } from "./help.ts";
import type { CliIO } from "./io.ts";
import { describeFailure, EXIT, terminalSafe } from "./report.ts";
import { VERSION } from "./version.ts";
import { closest } from "../suggest.ts";

export { EXIT } from "./report.ts";

/**
 * Runs hostbind with `argv` (the arguments after the program name); returns
 * the exit code. `commands` are the runners, or a loader for them: the
 * process entry passes `() => import("./commands.ts")…` so that help,
 * `--version` and usage errors never load the pipeline; with the runners
 * themselves, every command but `generate --watch` finishes synchronously.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * import { COMMAND_RUNNERS } from "./commands.ts";
 * main(["--version"], nodeIO(), COMMAND_RUNNERS); // 0, prints "hostbind 0.1.0"
 * main(["--bogus"], nodeIO(), COMMAND_RUNNERS);   // 2
 * ```
 */
export function main(
  argv: readonly string[],
  io: CliIO,
  commands: CommandRunners | (() => Promise<CommandRunners>),
): number | Promise<number> {
  // Whatever a command prints passes terminalSafe (names from inputs may hold control characters).
  const safe: CliIO = { ...io, stdout: (t) => io.stdout(terminalSafe(t)), stderr: (t) => io.stderr(terminalSafe(t)) };
  const fail = (e: unknown) => {
    const { code, text } = describeFailure(e);
    safe.stderr(text);
    return code;
  };
  try {
    const code = dispatch(argv, safe, commands);
    return typeof code === "number" ? code : code.catch(fail);
  } catch (e) {
    return fail(e);
  }
}

function dispatch(
  argv: readonly string[],
  io: CliIO,
  commands: CommandRunners | (() => Promise<CommandRunners>),
): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("missing command; expected one of " + COMMANDS.join(", "));
  if (first === "help") {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    io.stdout(helpText(topic));
    return EXIT.ok;
  }
  if (isCommand(first)) {
    // `--help` anywhere wins over every other mistake on the line, as users expect.
    if (rest.some((a) => a === "--help" || a === "-h")) {
      io.stdout(helpText(first));
      return EXIT.ok;
    }
    const args = parseArgs(rest, COMMAND_SPECS[first], first);
    if (typeof commands !== "function") return commands[first](args, io);
    return commands().then((loaded) => loaded[first](args, io));
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
  throw unknownCommand(first);
}

function unknownCommand(written: string): UsageError {
  const near = closest(written, COMMANDS);
  return new UsageError(`unknown command \`${written}\`; ${near === undefined ? `expected one of ${COMMANDS.join(", ")}` : `did you mean \`${near}\`?`}`);
}

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}
