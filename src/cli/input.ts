/**
 * Reads the input file the user named: bytes for `.wasm`, UTF-8 text for
 * declarations. Every failure is a {@link HostbindError} naming the path as
 * typed, so the CLI exits 1 with one clear line.
 *
 * @example
 * ```ts
 * import { readInput } from "./input.ts";
 * import { nodeIO } from "./io.ts";
 * const source = readInput(nodeIO().fs, "env.d.ts"); // string
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
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
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HostbindError(`Cannot read input file \`${path}\`: it is not valid UTF-8 text`, {
      hint: "Declarations must be UTF-8 TypeScript; a binary module must end in .wasm.",
    });
  }
}
