/**
 * Choices a user makes about a guest's imports before anything is laid out:
 * which import modules hostbind serves (the others are left to the host
 * application) and a prefix for derived C symbols. Both return or change
 * plain IR; validation comes after them.
 *
 * @example
 * ```ts
 * import { excludeModules, prefixSymbols } from "./select.ts";
 * import { readDts } from "../parse/mod.ts";
 * const decls = excludeModules(readDts("declare namespace env { function f(): void; } declare namespace wasi { function g(): void; }", "x.d.ts"), ["wasi"]);
 * prefixSymbols(decls, "hb_");
 * decls.modules.map((m) => m.functions[0]?.symbol); // ["hb_env_f"]
 * decls.excludedModules; // ["wasi"]
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import type { Declarations } from "./types.ts";

/**
 * `decls` without the import modules named in `names` (their non-function
 * imports too); the names left out are kept in `excludedModules`. Names
 * that match nothing are ignored.
 */
export function excludeModules(decls: Declarations, names: readonly string[]): Declarations {
  if (names.length === 0) return decls;
  const out = new Set(names);
  const excluded = [...new Set(decls.modules.filter((m) => out.has(m.name)).map((m) => m.name))];
  const result: Declarations = { ...decls, modules: decls.modules.filter((m) => !out.has(m.name)) };
  if (decls.otherImports !== undefined) {
    result.otherImports = decls.otherImports.filter((o) => {
      if (out.has(o.module) && !excluded.includes(o.module)) excluded.push(o.module);
      return !out.has(o.module);
    });
  }
  if (excluded.length > 0) result.excludedModules = excluded;
  return result;
}

/**
 * Puts `prefix` before every derived C symbol of `decls` (not before those
 * given by `@symbol`). A prefix that cannot start a C identifier is one
 * error naming the option, not one per function.
 */
export function prefixSymbols(decls: Declarations, prefix: string): void {
  if (prefix !== "" && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) {
    throw new HostbindError(
      `Invalid symbol prefix \`${prefix}\` (--symbol-prefix, or symbolPrefix in the configuration): `
        + (/^[0-9]/.test(prefix) ? "it starts with a digit" : "it has characters other than letters, digits and `_`"),
      { hint: "Use letters, digits and `_`, not starting with a digit, e.g. `--symbol-prefix hb_`." },
    );
  }
  for (const m of decls.modules) {
    for (const fn of m.functions) if (!fn.symbolExplicit) fn.symbol = prefix + fn.symbol;
  }
}
