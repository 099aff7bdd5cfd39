/**
 * `hostbind declare MODULE.wasm`: a starting declaration file for a compiled
 * guest, read from its import section. The output is the user's to edit —
 * name the parameters, label the results, choose `u32`/`u64` — so unlike
 * generated bindings it carries no "do not edit" banner; its header says
 * where it came from and lists the imports hostbind does not serve.
 *
 * @example
 * ```ts
 * import { declareFromWasm } from "./mod.ts";
 * const text = declareFromWasm(Deno.readFileSync("guest.wasm"), "guest.wasm");
 * Deno.writeTextFileSync("guest.d.ts", text);
 * ```
 * @module
 */
import type { Declarations } from "../ir/types.ts";
import { readWasm } from "../parse/mod.ts";
import { jsString } from "../emit/ts/names.ts";
import { printDeclarations, type PrintOptions } from "./print.ts";

export { declarationWarnings, DEFAULT_TYPES_SPECIFIER, isDeclarableName, printDeclarations, type PrintOptions } from "./print.ts";

/**
 * The declaration file for the imports of the wasm module `bytes`; `file` is
 * its path as the user gave it (named in the header and in error locations).
 * Throws {@link HostbindError} when `bytes` is not a readable module. A
 * derived symbol that would not generate (colliding, or not a usable C name)
 * gets a free one, written as `@symbol`, so the file always generates.
 */
export function declareFromWasm(bytes: Uint8Array, file: string): string {
  return printWasmDeclarations(readWasm(bytes, file));
}

/** {@link declareFromWasm} for an already parsed module (so a CLI can also print the warnings). */
export function printWasmDeclarations(decls: Declarations, options: Pick<PrintOptions, "typesFrom"> = {}): string {
  const base = decls.file.split(/[\\/]/).pop() ?? decls.file;
  const header = [
    `The imports of ${base}, written by \`hostbind declare\`. Edit freely: name the`,
    "parameters, label the results (`[quot: i32, rem: i32]`), use u32/u64 for unsigned",
    "values, add docs; then run `hostbind generate` on this file.",
  ];
  const others = decls.otherImports ?? [];
  if (others.length > 0) {
    header.push("", "Not served by hostbind (the host application provides them):");
    for (const o of others) header.push(`  ${o.kind} ${jsString(o.module)} ${jsString(o.name)}${o.type === undefined ? "" : ` ${o.type}`}`);
  }
  const excluded = decls.excludedModules ?? [];
  const excludedImports = decls.excludedImports ?? [];
  if (excluded.length + excludedImports.length > 0) {
    header.push("", "Left out on request (the host application serves them):");
    for (const m of excluded) header.push(`  module ${jsString(m)}`);
    for (const i of excludedImports) header.push(`  import ${jsString(i)}`);
  }
  return printDeclarations(decls, { ...options, header });
}
