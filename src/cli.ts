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
import { exit, nodeIO, processArgs } from "./cli/io.ts";
import { main } from "./cli/main.ts";

// The runners (and the TypeScript compiler behind them) load only for a
// well-formed command: help, --version and usage errors answer without them.
const code = main(processArgs(), nodeIO(), () => import("./cli/commands.ts").then((m) => m.COMMAND_RUNNERS));
if (typeof code === "number") exit(code);
else code.then(exit);
