/**
 * The cross-check between hand-written declarations and a compiled guest:
 * does the declaration file provide every function the `.wasm` module
 * imports, each with the wasm type the module expects? Both sides are IR
 * (the module's from `parseWasm`), so this is plain data in, plain data out.
 *
 * Types are compared as wasm sees them ({@link WASM_TYPE}): `u32` declared
 * where the module imports `i32` is the same import, since signedness exists
 * only on the native side. `@symbol` and `@noctx` do not change the wasm type.
 *
 * @example
 * ```ts
 * import { compareWithModule } from "./compare.ts";
 * import { throwIfAny } from "../errors.ts";
 * import { readDts, readWasm } from "../parse/mod.ts";
 * import { readFileSync } from "node:fs";
 * const declared = readDts(readFileSync("env.d.ts", "utf8"), "env.d.ts");
 * const { errors, warnings } = compareWithModule(declared, readWasm(readFileSync("guest.wasm"), "guest.wasm"));
 * for (const w of warnings) console.error(`${w.location.file}:${w.location.line}: warning: ${w.message}`);
 * throwIfAny(errors);
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { watString } from "../emit/wat.ts";
import { allFunctions, type Declarations, type ImportFunction, type SourceLocation, WASM_TYPE } from "./types.ts";
import { lowerSignature } from "./lower.ts";

/** A finding that does not stop generation, located at the declaration it is about. */
export interface ModuleWarning {
  /** What was found, one sentence. */
  message: string;
  /** The declaration it concerns. */
  location: SourceLocation;
  /** What to do about it. */
  hint: string;
}

/** What {@link compareWithModule} found. */
export interface ModuleComparison {
  /**
   * Imports the module needs that the declarations lack, or declare with a
   * different wasm type: instantiating the guest with the generated host
   * would fail (a `LinkError`). Missing ones first, in the module's import
   * order, then mismatches in declaration order.
   */
  errors: HostbindError[];
  /**
   * Declared functions the module does not import: harmless (the host offers
   * more than the guest uses) but often a typo or a stale declaration.
   * In declaration order.
   */
  warnings: ModuleWarning[];
}

/**
 * Compares declarations (`decls`) with the function imports of a compiled
 * module (`moduleDecls`, as read by `parseWasm`); see {@link ModuleComparison}.
 * Imports are matched by module and name exactly as the guest spells them.
 *
 * @example
 * ```ts
 * import { readDts, readWasm } from "../parse/mod.ts";
 * import { readFileSync } from "node:fs";
 * const r = compareWithModule(readDts(readFileSync("env.d.ts", "utf8"), "env.d.ts"), readWasm(readFileSync("guest.wasm"), "guest.wasm"));
 * r.errors[0]?.format();
 * // 'env.d.ts:2:3: error: `env.divmod` is declared as `(func (param i32 i32) (result i32 i32))`, but guest.wasm imports it as `(func (param i32) (result i32))`
 * //  guest.wasm:1:34: note: the import in guest.wasm
 * //   help: …'
 * ```
 */
export function compareWithModule(decls: Declarations, moduleDecls: Declarations): ModuleComparison {
  const declared = byKey(allFunctions(decls));
  const imported = byKey(allFunctions(moduleDecls));
  const missing: HostbindError[] = [];
  const mismatched: [ImportFunction, ImportFunction][] = [];
  for (const [key, imp] of imported) {
    const fn = declared.get(key);
    if (fn === undefined) missing.push(missingError(imp, decls.file));
    else if (wasmType(fn) !== wasmType(imp)) mismatched.push([fn, imp]);
  }
  // Mismatches are reported in declaration order, which is the order a reader fixes them in.
  mismatched.sort(([a], [b]) => compareLocations(a.location, b.location));
  const warnings = [...declared].filter(([key]) => !imported.has(key)).map(([, fn]) => unusedWarning(fn, moduleDecls.file));
  return { errors: [...missing, ...mismatched.map(([fn, imp]) => mismatchError(fn, imp, moduleDecls.file))], warnings };
}

/**
 * The wasm function type of an import as WebAssembly text, e.g.
 * `(func (param i32 i32) (result i32 i32))`: what the guest's import section
 * says, whatever the declared signedness.
 *
 * @example
 * ```ts
 * import { readDts } from "../parse/mod.ts";
 * const fn = readDts("declare namespace m { function f(a: i32, b: f64): u64; }", "m.d.ts").modules[0]!.functions[0]!;
 * wasmType(fn); // "(func (param i32 f64) (result i64))"
 * ```
 */
export function wasmType(fn: ImportFunction): string {
  const parts = ["func"];
  const wire = lowerSignature(fn);
  if (wire.params.length > 0) parts.push(`(param ${wire.params.map((p) => WASM_TYPE[p.type]).join(" ")})`);
  if (wire.results.length > 0) parts.push(`(result ${wire.results.map((r) => WASM_TYPE[r.type]).join(" ")})`);
  return `(${parts.join(" ")})`;
}

/** Functions by (module, name); a map keeps the first of each and preserves input order. */
function byKey(fns: readonly ImportFunction[]): Map<string, ImportFunction> {
  const out = new Map<string, ImportFunction>();
  for (const fn of fns) {
    const key = JSON.stringify([fn.module, fn.name]);
    if (!out.has(key)) out.set(key, fn);
  }
  return out;
}

/** `env.divmod`, or `"math-lib" "hypot"` when a name is not a plain identifier. */
function importName(fn: ImportFunction): string {
  const plain = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  return plain.test(fn.module) && plain.test(fn.name)
    ? `\`${fn.module}.${fn.name}\``
    : `${watString(fn.module)} ${watString(fn.name)}`;
}

function missingError(imp: ImportFunction, declFile: string): HostbindError {
  return new HostbindError(
    `${imp.location.file} imports ${importName(imp)} as \`${wasmType(imp)}\`, but ${declFile} does not declare it`,
    {
      location: imp.location,
      hint: `Declare it in ${declFile} (\`hostbind declare ${imp.location.file}\` prints a declaration for every import), `
        + `or leave it to the host application: --exclude-import ${JSON.stringify(`${imp.module}.${imp.name}`)} (excludeImports; * matches any characters).`,
    },
  );
}

function mismatchError(fn: ImportFunction, imp: ImportFunction, moduleFile: string): HostbindError {
  return new HostbindError(
    `${importName(fn)} is declared as \`${wasmType(fn)}\`, but ${moduleFile} imports it as \`${wasmType(imp)}\``,
    {
      location: fn.location,
      related: [{ location: imp.location, message: `the import in ${moduleFile}` }],
      hint: "Make the declared parameter and result types match the guest's (u32/u64 pass as i32/i64).",
    },
  );
}

function unusedWarning(fn: ImportFunction, moduleFile: string): ModuleWarning {
  return {
    message: `${importName(fn)} is declared but ${moduleFile} does not import it`,
    location: fn.location,
    hint: "Check its module and name against the guest's imports, or remove the declaration if it is no longer used.",
  };
}

function compareLocations(x: SourceLocation, y: SourceLocation): number {
  return x.file === y.file ? x.line - y.line || x.column - y.column : x.file < y.file ? -1 : 1;
}
