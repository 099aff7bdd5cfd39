/**
 * What several commands share: the one INPUT positional, reading and parsing
 * the input file (once per run), the warnings every command prints the same
 * way, and path joining that keeps the user's spelling. Every failure is a
 * {@link HostbindError} naming the path as typed, so the CLI exits 1 with one
 * clear line.
 *
 * @example
 * ```ts
 * import { readDeclarationsFile } from "./common.ts";
 * import { nodeIO } from "./io.ts";
 * const decls = readDeclarationsFile(nodeIO().fs, "env.d.ts"); // validated IR
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { parseDeclarations, type ParseOptions, parseWasm } from "../generate.ts";
import type { ModuleWarning } from "../ir/compare.ts";
import type { Declarations } from "../ir/types.ts";
import { unservedSummary } from "../declare/unserved.ts";
import { UsageError } from "./args.ts";
import { type CliFs, describeFsError, errorCode } from "./io.ts";

/**
 * True when `path` names a binary wasm module rather than TypeScript declarations.
 *
 * @example
 * ```ts
 * isWasmPath("guest.wasm"); // true
 * isWasmPath("env.d.ts");   // false
 * ```
 */
export function isWasmPath(path: string): boolean {
  return /\.wasm$/i.test(path);
}

/**
 * The contents of `path`: bytes for `.wasm`, decoded UTF-8 text otherwise.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * readInput(nodeIO().fs, "guest.wasm") instanceof Uint8Array; // true
 * ```
 */
export function readInput(fs: CliFs, path: string): string | Uint8Array {
  if (path === "-") {
    throw new HostbindError("Reading the input from standard input is not supported", {
      hint: "Pass the path of a .d.ts, .ts or .wasm file.",
    });
  }
  if (fs.kind(path) === "dir") {
    throw new HostbindError(`Cannot read input file \`${path}\`: it is a directory`, {
      hint: "Pass the path of a .d.ts, .ts or .wasm file.",
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(path);
  } catch (e) {
    throw new HostbindError(`Cannot read input file \`${path}\`: ${describeFsError(e)}`, {
      hint: errorCode(e) === "ENOENT" ? "Check the path; it is relative to the current directory." : undefined,
    });
  }
  if (isWasmPath(path)) return bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HostbindError(`Cannot read input file \`${path}\`: it is not valid UTF-8 text`, {
      hint: "Declarations must be UTF-8 TypeScript; a binary module must end in .wasm.",
    });
  }
  // WebAssembly text (`(module …)`, after comments) is no TypeScript: say what it is, not a syntax error.
  if (/\.wa(t|st)$/i.test(path) || /^\s*(;;[^\n]*\n\s*|\(;[\s\S]*?;\)\s*)*\(module\b/.test(text)) {
    const wasm = path.replace(/\.wa(t|st)$/i, "") + ".wasm";
    throw new HostbindError(`\`${path}\` is WebAssembly text, not TypeScript declarations or a binary module`, {
      hint: `Assemble it first, e.g. \`npx --yes -p wabt wat2wasm ${path} -o ${wasm}\`, then pass ${wasm}`
        + " (or write declarations for its imports: `hostbind declare` starts them from the .wasm).",
    });
  }
  return text;
}

/**
 * The input file read and parsed into validated declarations: `.wasm` files
 * as modules, anything else as declaration text. Commands parse their input
 * once, here, and hand the result to the library.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * readDeclarationsFile(nodeIO().fs, "divmod.d.ts").modules[0]?.name; // "env"
 * ```
 */
export function readDeclarationsFile(fs: CliFs, path: string, options: Omit<ParseOptions, "file"> = {}): Declarations {
  const source = readInput(fs, path);
  const all = { ...options, file: path };
  return typeof source === "string" ? parseDeclarations(source, all) : parseWasm(source, all);
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

/**
 * A warning as the CLI prints it: `FILE:LINE:COL: warning: …` and its help line.
 *
 * @example
 * ```ts
 * const location = { file: "env.d.ts", line: 3, column: 12 };
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
 * import { parseWasm } from "../generate.ts";
 * import { readFileSync } from "node:fs";
 * const decls = parseWasm(readFileSync("guest.wasm"), { file: "guest.wasm" });
 * otherImportsWarning(decls);
 * // 'warning: guest.wasm also imports memory "env" "memory", which hostbind does not provide\n  help: …\n'
 * ```
 */
export function otherImportsWarning(decls: Declarations): string {
  const summary = unservedSummary(decls);
  if (summary === undefined) return "";
  return `warning: ${summary}\n`
    + "  help: The host application provides them: add them to the import object next to the generated imports "
    + "(`hostbind declare` lists each in its comment).\n";
}

/**
 * `dir/name` with the user's spelling of `dir` kept (no normalisation), so
 * printed paths match what was typed and are the same on every runtime.
 *
 * @example
 * ```ts
 * joinPath("gen/", "env.h"); // "gen/env.h"
 * joinPath(".", "env.h");    // "env.h"
 * ```
 */
export function joinPath(dir: string, name: string): string {
  if (dir === "" || dir === ".") return name;
  return /[\\/]$/.test(dir) ? dir + name : `${dir}/${name}`;
}

/**
 * The parent of `p` by plain string rules (`a/b` → `a`, `a` → `.`, `/` → `/`,
 * `C:\` → `C:\`); the parent of a root is itself.
 *
 * @example
 * ```ts
 * parentDir("gen/sub"); // "gen"
 * parentDir("gen");     // "."
 * ```
 */
export function parentDir(p: string): string {
  const trimmed = p.replace(/(?<=[^\\/])[\\/]+$/, "");
  const slash = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  if (slash < 0) return trimmed === "." || trimmed === ".." || /^[A-Za-z]:$/.test(trimmed) ? trimmed : ".";
  if (slash === 0) return trimmed.slice(0, 1);
  const head = trimmed.slice(0, slash);
  return /^[A-Za-z]:$/.test(head) ? trimmed.slice(0, slash + 1) : head;
}
