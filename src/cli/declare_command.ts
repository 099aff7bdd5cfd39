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
import { excludeModules } from "../ir/select.ts";
import { readWasm } from "../parse/mod.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { isWasmPath, parentDir, readInput, singleInput } from "./common.ts";
import type { CliIO } from "./io.ts";
import { writeOutputs } from "./write.ts";


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
  if (out !== undefined && !args.flags.has("force") && io.fs.kind(out) !== "missing") {
    throw new HostbindError(`\`${out}\` already exists; not replacing it`, {
      hint: "It may hold your edits: choose another --out, or pass --force to replace it.",
    });
  }
  const source = readInput(io.fs, input);
  const decls = excludeModules(readWasm(source as Uint8Array, input), args.lists["exclude-module"] ?? []);
  const text = printWasmDeclarations(decls);
  for (const w of declarationWarnings(decls)) io.stderr(`warning: ${w}\n`);
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  const slash = Math.max(out.lastIndexOf("/"), out.lastIndexOf("\\"));
  const dir = slash < 0 ? "." : parentDir(out);
  const [result] = writeOutputs(io.fs, dir, [{ path: out.slice(slash + 1), contents: text }]);
  io.stdout(`${result!.status === "written" ? "wrote" : "unchanged"} ${result!.path}\n`);
  return 0;
}
