/**
 * How the Deno and Bun modules differ, as data: FFI type names, the shape
 * of a `dlopen` definition, how a pointer into
 * the stub memory is spelled, and which template holds `load()`. The shared
 * emitter (`emit.ts`) prints everything else the same way for both.
 *
 * @example
 * ```ts
 * import type { Dialect } from "./dialect.ts";
 * declare const deno: Dialect;
 * deno.ffiType.u32; // "u32"
 * ```
 * @module
 */
import type { ValueType } from "../../ir/types.ts";
import type { MemoryPathRule } from "../../layout/paths.ts";

/** One runtime's spelling of the generated module. */
export interface Dialect {
  /** The runtime's name as shown in docs (`Deno`, `Bun`, `Node`). */
  runtime: string;
  /** An expression true when this runtime runs the code (tested in the order Deno, Bun, Node). */
  detect: string;
  /**
   * For a runtime that has the FFI only in some versions: the statements
   * `NAME.ts` runs once `detect` chose it, which throw an Error saying what
   * is needed when this one lacks it (`file`: the module's file name).
   */
  guard?: (file: string) => string[];
  /** The output file suffix (`.deno.ts`). */
  extension: string;
  /** The FFI API the module is built on, for docs (`Deno.dlopen`). */
  ffiApi: string;
  /** Lines at the top of the module, after its doc (imports). */
  preamble: readonly string[];
  /** The FFI type tag of each value type. */
  ffiType: Readonly<Record<ValueType, string>>;
  /** The FFI type tag of the `out` and `ctx` pointers. */
  pointerType: string;
  /** The FFI type tag of no result. */
  voidType: string;
  /** A `dlopen` definition from quoted parameter tags and a quoted result tag. */
  definition(params: string[], result: string): string;
  /**
   * An expression for the native pointer `offset` bytes into the stub memory
   * (`ctx` is its start): a constant, or (a string) a JS expression of type number.
   */
  stubPointer(offset: number | string): string;
  /** The TS type of `LoadOptions.userData`. */
  userDataType: string;
  /** The template file (under `templates/`) with the runtime's helpers that `load()` (`ts-load.ts.tmpl`) calls. */
  runtimeTemplate: string;
  /**
   * The template (under `templates/`) with `guestCallback`, the runtime's way
   * to make a native function pointer of a JS function (calls into the guest),
   * and the import lines it needs; emitted only for declarations with calls into the guest.
   */
  guest: { template: string; imports: readonly string[] };
  /**
   * The templates (under `templates/`) with `asyncStarter`, the runtime's way
   * to run an async import's entry off the JS thread, and the import lines
   * they need; emitted only for declarations with async imports.
   */
  async: { templates: readonly string[]; imports: readonly string[] };
  /** A `dlopen` definition of an async entry `(pointer) -> void`, which the runtime may call off the JS thread. */
  asyncDefinition(pointer: string, result: string): string;
  /** Which imports take the memory call path (argument block and shim). */
  memoryPath: MemoryPathRule;
  /** Argument conversions that differ from `JS_TO_WASM` (the FFI's own range checks). */
  toNative?: Partial<Record<ValueType, (name: string) => string>>;
}
