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
import { resultStructName, symbolProblem } from "./names.ts";
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
 * A test of `MODULE.NAME` against an `--exclude-import` pattern: the pattern
 * is matched against the module name, a `.` and the import name, whole; `*`
 * matches any run of characters (dots too) and every other character itself.
 * `env.*` is every import of `env`, `*.__wbg_*` every wasm-bindgen shim,
 * `env.console.log` the import `console.log` of `env`.
 *
 * @example
 * ```ts
 * importPattern("env.__wbg_*")("env", "__wbg_log_1"); // true
 * ```
 */
export function importPattern(pattern: string): (module: string, name: string) => boolean {
  const re = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, "\\$&")).join("[\\s\\S]*")}$`, "u");
  return (module, name) => re.test(`${module}.${name}`);
}

/**
 * `decls` (a `.wasm` input's, or a guest's for the `--module` check) without
 * the imports that match one of `patterns` (see {@link importPattern}): the
 * host application serves them. Modules left with no function lose their
 * block. The imports left out are kept in `excludedImports` as
 * `MODULE.NAME`. A declaration file's functions are never taken out this
 * way: what it declares is what it serves. `keep` spares imports a pattern
 * matches (for the `--module` check: the guest's imports the declarations
 * serve stay, so they are still cross-checked).
 */
export function excludeImports(
  decls: Declarations,
  patterns: readonly string[],
  keep: (module: string, name: string) => boolean = () => false,
): Declarations {
  if (patterns.length === 0) return decls;
  const tests = patterns.map(importPattern);
  const out = (module: string, name: string) => !keep(module, name) && tests.some((t) => t(module, name));
  const excluded: string[] = [];
  const modules = decls.modules.flatMap((m) => {
    const functions = m.functions.filter((fn) => {
      if (!out(fn.module, fn.name)) return true;
      excluded.push(`${fn.module}.${fn.name}`);
      return false;
    });
    return functions.length > 0 || m.functions.length === 0 ? [{ ...m, functions }] : [];
  });
  const result: Declarations = { ...decls, modules };
  if (decls.otherImports !== undefined) {
    result.otherImports = decls.otherImports.filter((o) => {
      if (!out(o.module, o.name)) return true;
      excluded.push(`${o.module}.${o.name}`);
      return false;
    });
  }
  if (excluded.length > 0) result.excludedImports = [...(decls.excludedImports ?? []), ...excluded];
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

/**
 * Makes every derived C symbol of `decls` valid and unique, for a `.wasm`
 * input (whose names are the toolchain's, and which has no JSDoc to put
 * `@symbol` in; the `.wasm` reader calls it, before any `--symbol-prefix`): a symbol that is not a usable C name (a leading digit, a
 * keyword, a C library function, `hostbind_…`) or that another import's
 * symbol or result struct already has (minified `a.$` and `a._` are both
 * `a__`) gets a free one made from it (`a__2`), marked explicit, so
 * `hostbind declare` writes it as `@symbol`. Symbols given by `@symbol` are
 * left alone (validation reports their problems).
 *
 * @example
 * ```ts
 * import { readWasm } from "../parse/mod.ts";
 * declare const minified: Uint8Array; // imports "a" "$" and "a" "_"
 * // The .wasm reader calls uniqueSymbols on what it read.
 * readWasm(minified, "m.wasm").modules[0]!.functions.map((f) => f.symbol); // ["a__", "a___2"]
 * ```
 */
export function uniqueSymbols(decls: Declarations): void {
  const functions = decls.modules.flatMap((m) => m.functions);
  const taken = new Set<string>();
  for (const fn of functions.filter((f) => f.symbolExplicit)) {
    taken.add(fn.symbol);
    if (fn.results.length >= 2) taken.add(resultStructName(fn.symbol));
  }
  const free = (s: string) => symbolProblem(s, false) === undefined && !taken.has(s) && !taken.has(resultStructName(s));
  for (const fn of functions) {
    if (fn.symbolExplicit) continue;
    let symbol = fn.symbol;
    if (!free(symbol)) {
      // A name made from the derived one: C characters only, never a leading digit or `hostbind_`.
      const base = /^[A-Za-z_]/.test(symbol) && !symbol.startsWith("hostbind_") ? symbol : `w_${symbol}`;
      symbol = free(base) ? base : "";
      for (let n = 2; symbol === ""; n++) if (free(`${base}_${n}`)) symbol = `${base}_${n}`;
      fn.symbol = symbol;
      fn.symbolExplicit = true;
    }
    taken.add(symbol);
    if (fn.results.length >= 2) taken.add(resultStructName(symbol));
  }
}
