/**
 * What the C and Rust implementation skeletons say alike: the opening
 * comment and each body's "not implemented" message and trap code.
 *
 * @example
 * ```ts
 * import { TRAP_CODE } from "./intro.ts";
 * TRAP_CODE; // -1
 * ```
 * @module
 */
import type { ImportLayout } from "../../layout/mod.ts";
import type { EmitContext } from "../context.ts";

/** The code a skeleton function traps with (`HostTrap.code` on the JS side). */
export const TRAP_CODE = -1;

/** The message of an import's skeleton body: `MODULE.NAME: not implemented` (a HostTrap's message starts with the import). */
export function notImplemented(imp: ImportLayout): string {
  return `${imp.fn.module}.${imp.fn.name}: not implemented`;
}

/** The skeleton's opening comment, as plain lines (the emitters escape them). */
export function skeletonIntro(cx: EmitContext, generated: string): string[] {
  const input = cx.decls.file.split(/[\\/]/).pop() ?? cx.decls.file;
  return [
    `A starting implementation of the native functions declared in ${generated}`,
    `(generated from ${input}), written once by \`hostbind generate --stubs\`: hostbind`,
    "never overwrites this file. Each function traps with \"MODULE.NAME: not",
    "implemented\" until you write its body; a @noctx function, which has no",
    "context to trap through, prints that and aborts.",
  ];
}

/**
 * The skeleton's two build lines (Linux, macOS) writing the library to
 * `library` (relative to the skeleton's folder): with the platform's
 * extension added, as `load()` adds it, unless its file name has one.
 */
export function buildLines(library: string, linux: (out: string) => string, macos: (out: string) => string): string[] {
  const named = /\.[^/]*$/.test(library);
  return [
    `Build (Linux): ${linux(named ? library : `${library}.so`)}`,
    `Build (macOS): ${macos(named ? library : `${library}.dylib`)}`,
  ];
}
