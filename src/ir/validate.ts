/**
 * Checks the IR of any input (TypeScript declarations or a `.wasm` import
 * section) for what would make the generated C or TS wrong: C symbols that
 * are not valid or collide, an import declared twice, repeated parameter
 * names or result labels, and inputs that declare nothing to bind. Every
 * problem is reported at once, in source order, as {@link HostbindError}s.
 *
 * Parameter names and result labels that happen to be C/C++ keywords are
 * not errors: they are local to one prototype or struct, and the layout
 * renames them (`safeCName`). Symbols are global, so they must be right as
 * written, and `@symbol` is how to fix one.
 *
 * @example
 * ```ts
 * import { validateDeclarations } from "./validate.ts";
 * import { readDts } from "../parse/mod.ts";
 * const decls = readDts("declare namespace env { function now(): f64; /** @symbol env_now *\/ function later(): f64; }", "env.d.ts");
 * validateDeclarations(decls); // throws: two imports map to `env_now`
 * ```
 * @module
 */
import { HostbindError, throwIfAny } from "../errors.ts";
import { resultStructName, symbolProblem } from "./names.ts";
import { allFunctions, type Declarations, type ImportFunction, type ImportModule } from "./types.ts";

/** Throws every problem of `decls` at once; returns when there is none. */
export function validateDeclarations(decls: Declarations): void {
  const errors: HostbindError[] = [];
  const functions = allFunctions(decls);
  if (functions.length === 0 && decls.modules.length === 0) {
    errors.push(
      new HostbindError(`No import modules declared in ${decls.file}: expected at least one module with functions`, {
        location: { file: decls.file, line: 1, column: 1 },
        hint: 'Declare the imports, e.g. `export declare namespace env { function now(): f64; }` or `declare module "math-lib" { … }`.',
      }),
    );
  }
  errors.push(...checkModules(decls.modules));
  errors.push(...checkImportNames(functions));
  // Into the one list: a new array per function (then spread) was most of this stage's garbage.
  for (const fn of functions) checkFunction(fn, errors);
  errors.push(...checkSymbolCollisions(functions));
  throwIfAny(sortBySource(errors));
}

function checkModules(modules: ImportModule[]): HostbindError[] {
  const errors: HostbindError[] = [];
  const seen = new Map<string, ImportModule>();
  for (const mod of modules) {
    const first = seen.get(mod.name);
    if (first !== undefined) {
      errors.push(
        new HostbindError(`Module \`${mod.name}\` is declared twice`, {
          location: mod.location,
          hint: "Put all of the module's functions in one block.",
          related: [{ location: first.location, message: `the first \`${mod.name}\` is here` }],
        }),
      );
    } else {
      seen.set(mod.name, mod);
    }
    if (mod.functions.length === 0) {
      errors.push(
        new HostbindError(`Module \`${mod.name}\` declares no functions: expected at least one \`function NAME(…): T;\``, {
          location: mod.location,
          hint: "Declare the functions the guest imports from this module, or remove the empty module.",
        }),
      );
    }
  }
  return errors;
}

/** The same (module, name) twice: the guest could only ever get one of them. */
function checkImportNames(functions: ImportFunction[]): HostbindError[] {
  const errors: HostbindError[] = [];
  // Names by module, rather than one key string (and array) built per function.
  const byModule = new Map<string, Map<string, ImportFunction>>();
  for (const fn of functions) {
    let seen = byModule.get(fn.module);
    if (seen === undefined) byModule.set(fn.module, seen = new Map());
    const first = seen.get(fn.name);
    if (first === undefined) {
      seen.set(fn.name, fn);
      continue;
    }
    errors.push(
      new HostbindError(`Import \`${qualified(fn)}\` is declared twice: a wasm import module has one function per name`, {
        location: fn.location,
        hint: "Remove one of the declarations, or give it another name.",
        related: [{ location: first.location, message: `the first \`${qualified(first)}\` is here` }],
      }),
    );
  }
  return errors;
}

/** Symbol validity and names that must be unique within one function; problems are added to `errors`. */
function checkFunction(fn: ImportFunction, errors: HostbindError[]): void {
  const problem = symbolProblem(fn.symbol);
  if (problem !== undefined) {
    const origin = fn.symbolExplicit ? "given by `@symbol`" : "derived from the module and function names";
    errors.push(
      new HostbindError(`Invalid C symbol \`${fn.symbol}\` for \`${qualified(fn)}\` (${origin}): ${problem}`, {
        location: fn.location,
        hint: fn.symbolExplicit
          ? "Choose another name with `@symbol some_valid_name`."
          : "Choose the native name in the function's JSDoc: `/** @symbol some_valid_name */`.",
      }),
    );
  }
  const param = firstRepeat(fn.params);
  if (param !== undefined) {
    errors.push(
      new HostbindError(`Parameter name \`${param}\` appears twice in \`${qualified(fn)}\``, {
        location: fn.location,
        hint: "Give every parameter its own name.",
      }),
    );
  }
  const label = firstRepeat(fn.results);
  if (label !== undefined) {
    errors.push(
      new HostbindError(`Result label \`${label}\` appears twice in \`${qualified(fn)}\`: each result becomes a field of \`${resultStructName(fn.symbol)}\``, {
        location: fn.location,
        hint: "Give every tuple element its own label, e.g. `[quot: i32, rem: i32]`.",
      }),
    );
  }
}

/** Two imports with one C symbol, or a symbol equal to another import's result struct. */
function checkSymbolCollisions(functions: ImportFunction[]): HostbindError[] {
  const errors: HostbindError[] = [];
  const bySymbol = new Map<string, ImportFunction>();
  const byStruct = new Map<string, ImportFunction>();
  for (const fn of functions) {
    if (fn.results.length >= 2) byStruct.set(resultStructName(fn.symbol), fn);
  }
  for (const fn of functions) {
    const first = bySymbol.get(fn.symbol);
    const struct = byStruct.get(fn.symbol);
    if (first !== undefined) {
      errors.push(collision(fn, first, `the C symbol \`${fn.symbol}\` of \`${qualified(first)}\``));
    } else if (struct !== undefined) {
      errors.push(collision(fn, struct, `the result struct \`${fn.symbol}\` of \`${qualified(struct)}\``));
    }
    if (first === undefined) bySymbol.set(fn.symbol, fn);
  }
  return errors;
}

function collision(fn: ImportFunction, other: ImportFunction, what: string): HostbindError {
  return new HostbindError(`C symbol \`${fn.symbol}\` of \`${qualified(fn)}\` collides with ${what}`, {
    location: fn.location,
    hint: "Give one of them another native name with `@symbol some_other_name`.",
    related: [{ location: other.location, message: `\`${qualified(other)}\` is declared here` }],
  });
}

function qualified(fn: ImportFunction): string {
  return `${fn.module}.${fn.name}`;
}

/** The first name that repeats an earlier one, in order; `undefined` when all differ. */
function firstRepeat(items: readonly { name: string }[]): string | undefined {
  // Imports have a handful of parameters and results: comparing pairs costs
  // less than a Set (and a names array) per function; long lists use a Set.
  if (items.length > 16) {
    const seen = new Set<string>();
    for (const { name } of items) {
      if (seen.has(name)) return name;
      seen.add(name);
    }
    return undefined;
  }
  for (let i = 1; i < items.length; i++) {
    const name = items[i]!.name;
    for (let j = 0; j < i; j++) if (items[j]!.name === name) return name;
  }
  return undefined;
}

/** Errors in source order; errors without a location first. Stable for equal places. */
function sortBySource(errors: HostbindError[]): HostbindError[] {
  const line = (e: HostbindError) => e.location?.line ?? 0;
  const column = (e: HostbindError) => e.location?.column ?? 0;
  return [...errors].sort((a, b) => line(a) - line(b) || column(a) - column(b));
}
