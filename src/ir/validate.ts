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
import { isReservedByC, resultStructName, symbolProblem } from "./names.ts";
import { allFunctions, type Declarations, type GuestExport, type ImportFunction, type ImportModule, isDataType } from "./types.ts";
import { declaredTypeName } from "./lower.ts";

/** Throws every problem of `decls` at once; returns when there is none. */
export function validateDeclarations(decls: Declarations): void {
  const errors: HostbindError[] = [];
  const functions = allFunctions(decls);
  const wasm = isWasmInput(decls);
  if (functions.length === 0 && decls.modules.length === 0) {
    errors.push(wasm || (decls.excludedModules ?? []).length > 0 || (decls.excludedImports ?? []).length > 0 ? nothingToServe(decls) : new HostbindError(`No import modules declared in ${decls.file}: expected at least one module with functions`, {
      location: { file: decls.file, line: 1, column: 1 },
      hint: 'Declare the imports, e.g. `export declare namespace env { function now(): f64; }` or `declare module "math-lib" { … }`.',
    }));
  }
  errors.push(...checkModules(decls.modules));
  errors.push(...checkImportNames(functions));
  for (const fn of functions) checkFunction(fn, wasm, errors);
  errors.push(...checkWellFormedNames(decls.modules));
  errors.push(...checkSymbolCollisions(functions));
  errors.push(...checkGuestExports(decls.guestExports ?? [], functions));
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

/** A lone UTF-16 surrogate: no UTF-8 text, so no wasm module's import name, can hold one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Module and import names a wasm module can carry: well-formed Unicode (wasm names are UTF-8). */
function checkWellFormedNames(modules: ImportModule[]): HostbindError[] {
  const errors: HostbindError[] = [];
  const bad = (name: string) => LONE_SURROGATE.test(name);
  const shown = (name: string) => JSON.stringify(name);
  for (const mod of modules) {
    if (bad(mod.name)) {
      errors.push(new HostbindError(`Module name ${shown(mod.name)} holds a lone surrogate, which no wasm module can name (wasm names are UTF-8)`, {
        location: mod.location,
        hint: "Write the name a guest imports: a `\\u` escape of half a surrogate pair is not a character.",
      }));
    }
    for (const fn of mod.functions) {
      if (!bad(fn.name)) continue;
      errors.push(new HostbindError(`Import name ${shown(fn.name)} holds a lone surrogate, which no wasm module can name (wasm names are UTF-8)`, {
        location: fn.location,
        hint: "Write the name a guest imports in `@name`: a `\\u` escape of half a surrogate pair is not a character.",
      }));
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
function checkFunction(fn: ImportFunction, wasm: boolean, errors: HostbindError[]): void {
  const problem = symbolProblem(fn.symbol, fn.noctx);
  if (problem !== undefined) {
    const origin = fn.symbolExplicit ? "given by `@symbol`" : "derived from the module and function names";
    errors.push(
      new HostbindError(`Invalid C symbol \`${fn.symbol}\` for \`${qualified(fn)}\` (${origin}): ${problem}`, {
        location: fn.location,
        hint: wasm ? WASM_SYMBOL_HINT : fn.symbolExplicit
          ? "Choose another name with `@symbol some_valid_name`."
          : "Choose the native name in the function's JSDoc: `/** @symbol some_valid_name */`.",
      }),
    );
  }
  const data = [...fn.params, ...fn.results].find((v) => isDataType(v.type));
  if (fn.noctx && data !== undefined) {
    errors.push(
      new HostbindError(`\`@noctx\` import \`${qualified(fn)}\` takes a \`${declaredTypeName(data.type)}\`: a string or bytes is checked against guest memory and handed over by a shim, which needs the context`, {
        location: fn.location,
        hint: "Remove `@noctx` (the native function then takes `hostbind_ctx *ctx`), or pass `(ptr: u32, len: u32)` yourself.",
      }),
    );
  }
  if (fn.async && fn.noctx) {
    errors.push(
      new HostbindError(`Async import \`${qualified(fn)}\` is marked \`@noctx\`: an async import runs off the JS thread through a shim of its own, which needs the context`, {
        location: fn.location,
        hint: "Remove `@noctx` (the native function then takes `hostbind_ctx *ctx`), or make the import synchronous.",
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

/**
 * The guest exports of `@exports` namespaces: value types only, at most one
 * result, one export per name, C function names that are valid and unique
 * (also against the imports' symbols), and at most one `@allocator`, shaped
 * like `malloc` or `cabi_realloc`.
 */
function checkGuestExports(exports: readonly GuestExport[], imports: readonly ImportFunction[]): HostbindError[] {
  const errors: HostbindError[] = [];
  const names = new Map<string, GuestExport>();
  const symbols = new Map<string, { location: ImportFunction["location"]; what: string }>();
  for (const fn of imports) symbols.set(fn.symbol, { location: fn.location, what: `import \`${qualified(fn)}\`` });
  let allocator: GuestExport | undefined;
  for (const e of exports) {
    const what = `guest export \`${e.name}\` (in \`@exports\` namespace \`${e.namespace}\`)`;
    const bad = [...e.params, ...e.results].find((v) => isDataType(v.type));
    if (bad !== undefined) {
      errors.push(new HostbindError(`${what} takes a \`${declaredTypeName(bad.type)}\`: calls into the guest pass value types (i32, u32, i64, u64, f32, f64)`, {
        location: e.location,
        hint: "Pass a string or bytes as `(ptr: u32, len: u32)` in guest memory.",
      }));
    }
    if (e.results.length > 1) {
      errors.push(new HostbindError(`${what} returns ${e.results.length} values: a call into the guest returns at most one`, {
        location: e.location,
        hint: "Return one value (for more, have the export write them to guest memory and return its address).",
      }));
    }
    const first = names.get(e.name);
    if (first !== undefined) {
      errors.push(new HostbindError(`Guest export \`${e.name}\` is declared twice: a wasm module has one export per name`, {
        location: e.location,
        hint: "Remove one of the declarations.",
        related: [{ location: first.location, message: "the first is here" }],
      }));
    } else {
      names.set(e.name, e);
    }
    const problem = symbolProblem(e.symbol, false);
    const taken = symbols.get(e.symbol);
    if (problem !== undefined) {
      errors.push(new HostbindError(`Invalid C function name \`${e.symbol}\` for ${what}: ${problem}`, {
        location: e.location,
        hint: "Choose the C name in the function's JSDoc: `/** @symbol some_valid_name */`.",
      }));
    } else if (taken !== undefined) {
      errors.push(new HostbindError(`C function name \`${e.symbol}\` of ${what} collides with ${taken.what}`, {
        location: e.location,
        hint: "Name the namespace differently (its name prefixes the C name), or give one of them `@symbol some_other_name`.",
        related: [{ location: taken.location, message: "declared here" }],
      }));
    } else {
      symbols.set(e.symbol, { location: e.location, what });
    }
    if (!e.allocator) continue;
    if (allocator !== undefined) {
      errors.push(new HostbindError(`A second \`@allocator\`, ${what}: one allocator serves every result`, {
        location: e.location,
        hint: "Keep `@allocator` on one export.",
        related: [{ location: allocator.location, message: "the first `@allocator` is here" }],
      }));
    }
    allocator ??= e;
    const integer = (t: string) => t === "i32" || t === "u32";
    const shaped = (e.params.length === 1 || e.params.length === 4) && e.params.every((p) => integer(p.type))
      && e.results.length === 1 && integer(e.results[0]!.type);
    if (!shaped) {
      errors.push(new HostbindError(`\`@allocator\` ${what} is neither malloc-shaped \`(size: u32): u32\` nor cabi_realloc-shaped \`(old_ptr: u32, old_size: u32, align: u32, new_size: u32): u32\``, {
        location: e.location,
        hint: "Declare the guest's allocator with one of those two signatures.",
      }));
    }
  }
  return errors;
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
    // An import declared twice (reported by checkImportNames) collides with itself: no second error.
    if (first !== undefined && first.module === fn.module && first.name === fn.name) continue;
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
    hint: fn.location.file.toLowerCase().endsWith(".wasm")
      ? "A .wasm input has no JSDoc: write its declarations with `hostbind declare MODULE.wasm --out MODULE.d.ts`, give one of the two functions `/** @symbol NAME */` there, and generate from that file."
      : "Give one of them another native name with `@symbol some_other_name`.",
    related: [{ location: other.location, message: `\`${qualified(other)}\` is declared here` }],
  });
}

/** What to do about a symbol of a `.wasm` input, which has no JSDoc to edit. */
const WASM_SYMBOL_HINT = "A .wasm input has no JSDoc to put `@symbol` in: pass `--symbol-prefix PREFIX` to prefix every derived symbol, "
  + "or write its declarations with `hostbind declare MODULE.wasm --out MODULE.d.ts`, add `/** @symbol NAME */` to this function there, and generate from that file.";

/** True for declarations read from a `.wasm` module. */
function isWasmInput(decls: Declarations): boolean {
  return decls.file.toLowerCase().endsWith(".wasm");
}

/**
 * The one error of a `.wasm` input without a single function import left to
 * serve, whichever command reads it (`generate`, `explain`, `declare`).
 *
 * @example
 * ```ts
 * nothingToServe({ file: "g.wasm", modules: [], excludedModules: ["wasi"] }).message;
 * // "Nothing for hostbind to serve: every function import of g.wasm is left to the host application (module `wasi`)"
 * ```
 */
export function nothingToServe(decls: Declarations): HostbindError {
  const others = (decls.otherImports ?? []).map((o) => `${o.kind} \`${o.module}.${o.name}\``);
  const modules = decls.excludedModules ?? [];
  const imports = decls.excludedImports ?? [];
  const left = [
    ...(modules.length > 0 ? [`${modules.length === 1 ? "module" : "modules"} ${modules.map((m) => `\`${m}\``).join(", ")}`] : []),
    ...(imports.length > 0 ? [`${imports.length} ${imports.length === 1 ? "import" : "imports"} matched by --exclude-import`] : []),
  ];
  const what = left.length > 0
    ? `every function import of ${decls.file} is left to the host application (${left.join("; ")})`
    : `${decls.file} imports no functions native code can serve${others.length > 0 ? ` (only ${others.slice(0, 3).join(", ")}${others.length > 3 ? ` and ${others.length - 3} more` : ""})` : ""}`;
  return new HostbindError(`Nothing for hostbind to serve: ${what}`, {
    location: { file: decls.file, line: 1, column: 1 },
    hint: left.length > 0
      ? "Leave out the --exclude-module (excludeModules) or --exclude-import (excludeImports) that covers the imports hostbind should serve; it serves what is left."
      : "hostbind serves function imports; provide this module's other imports in the host application's import object "
        + "(--exclude-module and --exclude-import choose which imports to leave to it).",
  });
}

/**
 * What `decls` does that C allows but warns about, as one sentence for the
 * CLI (`[]` when nothing): derived symbols in the names C reserves for the
 * implementation (`_x`, `a__b`), which every compiler accepts.
 *
 * @example
 * ```ts
 * import { readDts } from "../parse/mod.ts";
 * symbolWarnings(readDts("declare module \"__wbindgen_placeholder__\" { function f(): void; }", "w.d.ts")).length; // 1
 * ```
 */
export function symbolWarnings(decls: Declarations): string[] {
  const reserved = allFunctions(decls).filter((fn) => !fn.symbolExplicit && isReservedByC(fn.symbol));
  if (reserved.length === 0) return [];
  const first = reserved.slice(0, 3).map((fn) => `\`${fn.symbol}\``).join(", ");
  const more = reserved.length > 3 ? ` and ${reserved.length - 3} more` : "";
  return [
    `${reserved.length} C symbol(s) use names C reserves for the implementation (a leading \`_\` or \`__\`): ${first}${more}. `
    + "Every C compiler accepts them, so nothing needs to change (`--symbol-prefix PREFIX` avoids a leading `_`; "
    + "`@symbol NAME` in a declaration file names one function freely).",
  ];
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
