/**
 * `hostbind declare INPUT.wasm [--out FILE] [--force]`: a starting
 * declaration file for a compiled guest, from its import section. Printed to
 * standard output, or written atomically to FILE. The file is the user's to
 * edit afterwards, so an existing FILE is only replaced with `--force`.
 *
 * @example
 * ```ts
 * import { runDeclare } from "./declare_command.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runDeclare(parseArgs(["guest.wasm", "--out", "guest.d.ts"], COMMAND_SPECS.declare, "declare"), nodeIO()); // 0
 * ```
 * @module
 */
import { declarationWarnings, printWasmDeclarations } from "../declare/mod.ts";
import { HostbindError } from "../errors.ts";
import { excludeImports, excludeModules } from "../ir/select.ts";
import { nothingToServe } from "../ir/validate.ts";
import { readWasm } from "../parse/mod.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { isWasmPath, readInput, singleInput } from "./common.ts";
import { refuseToReplace, writeOneFile } from "./write.ts";
import type { CliIO } from "./io.ts";


/**
 * Runs `declare` with its parsed arguments; returns the exit code.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runDeclare(parseArgs(["guest.wasm"], COMMAND_SPECS.declare, "declare"), nodeIO()); // 0, prints the declarations
 * ```
 */
export function runDeclare(args: ParsedArgs, io: CliIO): number {
  const input = singleInput(args.positionals, "declare");
  const out = args.values.out;
  if (out !== undefined && (out === "" || /[\\/]$/.test(out))) {
    throw new UsageError("`--out` needs a file name, such as `--out guest.d.ts`", "declare");
  }
  if (args.flags.has("force") && out === undefined) throw new UsageError("`--force` needs `--out FILE`", "declare");
  if (!isWasmPath(input)) {
    throw new HostbindError(`\`hostbind declare\` reads a compiled module, not \`${input}\``, {
      hint: "Pass a .wasm file; declaration files are the input of `hostbind generate`.",
    });
  }
  if (out !== undefined) refuseToReplace(io.fs, out, args.flags.has("force"), "--out");
  const source = readInput(io.fs, input);
  const read = excludeModules(readWasm(source as Uint8Array, input), args.lists["exclude-module"] ?? []);
  const decls = excludeImports(read, args.lists["exclude-import"] ?? []);
  // The same error generate and explain give: a file with nothing to serve would not generate.
  if (decls.modules.length === 0) throw nothingToServe(decls);
  const text = printWasmDeclarations(decls, { typesFrom: args.values.types });
  for (const w of declarationWarnings(decls)) io.stderr(`warning: ${w}\n`);
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  io.stdout(writeOneFile(io.fs, out, text));
  return 0;
}
