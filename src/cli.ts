/**
 * The `hostbind` command-line entry, run as `deno run -A src/cli.ts …`,
 * `bun src/cli.ts …`, or `node dist/cli.js …`. All logic lives in
 * `cli/main.ts`; this file only connects it to the process.
 *
 * @example
 * ```sh
 * deno run -A src/cli.ts generate env.d.ts --out-dir gen --lib ./libenv
 * bun src/cli.ts explain env.d.ts --target i686-linux
 * ```
 * @module
 */
import { exit, holdSignals, nodeIO, processArgs } from "./cli/io.ts";
import { main } from "./cli/main.ts";

// The runners (and the TypeScript compiler behind them) load only for a
// well-formed command: help, --version and usage errors answer without them.
const argv = processArgs();
// Signals wait for a run to complete (see holdSignals); --watch handles SIGINT and SIGTERM itself, between runs.
const signalled = argv.includes("--watch") ? () => undefined : holdSignals();
const code = main(argv, nodeIO(), () => import("./cli/commands.ts").then((m) => m.COMMAND_RUNNERS));
// One turn of the event loop first: a signal held during the run is delivered there.
const finish = (c: number) => setTimeout(() => exit(signalled() ?? c), 10);
if (typeof code === "number") finish(code);
else code.then(finish);
