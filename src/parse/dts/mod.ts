/**
 * The TypeScript declaration parser: declaration text in, IR out.
 * Nothing from ts-morph leaves this folder; callers get plain
 * {@link Declarations} or a {@link HostbindError} listing every mistake in
 * the file, each located at the offending node, in source order.
 *
 * @example
 * ```ts
 * import { readDts } from "./mod.ts";
 * const decls = readDts(`export declare namespace env {
 *   function divmod(a: i32, b: i32): [quot: i32, rem: i32];
 * }`, "divmod.d.ts");
 * decls.modules[0]?.functions[0]?.results.map((r) => r.name); // ["quot", "rem"]
 * ```
 * @module
 */
import type { Declarations } from "../../ir/types.ts";
import { ParseContext } from "./_context.ts";
import { readModules } from "./_modules.ts";
import { loadSource } from "./_source.ts";

/**
 * Parses TypeScript declarations into the IR. `file` is the input's path as
 * the user gave it; it appears in `decls.file` and in every error location.
 * Throws {@link HostbindError} (several at once as `HostbindErrors`) for
 * syntax errors and every unsupported construct. The result is not yet
 * validated: call `validateDeclarations` for symbol and name checks.
 */
export function readDts(source: string, file: string): Declarations {
  const sf = loadSource(source, file);
  const cx = new ParseContext(sf, file);
  const { modules, guestExports } = readModules(cx, sf);
  cx.throwIfAny();
  return guestExports.length === 0 ? { file, modules } : { file, modules, guestExports };
}
