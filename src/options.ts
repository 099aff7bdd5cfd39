/**
 * The library's options and output kinds as plain data, with no code from
 * the pipeline: the CLI reads and checks its flags against these without
 * loading the TypeScript compiler.
 *
 * @example
 * ```ts
 * import { DEFAULT_OUTPUT_KINDS, defaultName } from "./options.ts";
 * DEFAULT_OUTPUT_KINDS; // ["c", "deno", "bun", "node"]
 * defaultName("src/divmod.d.ts"); // "divmod"
 * ```
 * @module
 */

/** The kinds of output `generate` can produce. */
export type OutputKind = "c" | "deno" | "bun" | "node" | "rust";

/** Every output kind, in the order files are returned. */
export const OUTPUT_KINDS: readonly OutputKind[] = ["c", "deno", "bun", "node", "rust"];

/** The outputs produced when none are named (Rust is opt-in). */
export const DEFAULT_OUTPUT_KINDS: readonly OutputKind[] = ["c", "deno", "bun", "node"];

/** One generated file. */
export interface GeneratedFile {
  /** Path relative to the output directory (just the file name, e.g. `divmod.h`). */
  path: string;
  /** The whole file. */
  contents: string;
}

/** Options of {@link generate}; all optional. */
export interface GenerateOptions extends ParseOptions {
  /**
   * Base name of the outputs.
   * @default the input's file name without its extensions (`divmod.d.ts` → `divmod`)
   */
  name?: string;
  /**
   * The shared library `load()` opens when given no path, relative to the
   * generated files; the platform's extension is added when it has none.
   * @default none: `load()` then needs a path
   */
  lib?: string;
  /**
   * Which outputs to produce (`"rust"` adds `NAME.rs`).
   * @default ["c", "deno", "bun", "node"]
   */
  targets?: readonly OutputKind[];
}

/** Options of {@link parseDeclarations} and {@link parseWasm}. */
export interface ParseOptions {
  /**
   * The input's path, used in error locations and kept in `decls.file`.
   * @default "input.d.ts" for text, "input.wasm" for bytes
   */
  file?: string;
  /**
   * A prefix for every derived C symbol (`MODULE_NAME`; not those given by
   * `@symbol`), so a guest's import names need not be valid or free C names
   * as they are: `hb_` makes `__wbindgen_placeholder_____wbg_x` `hb___wbindgen…`.
   * @default none
   */
  symbolPrefix?: string;
  /**
   * Import modules to leave out: the host application serves them (WASI,
   * a JS glue module). Their imports are neither generated nor required.
   * @default none
   */
  excludeModules?: readonly string[];
  /**
   * Single imports to leave to the host application, as `MODULE.NAME`
   * patterns (`*` matches any run of characters): `env.__wbg_*`. They are
   * left out of a `.wasm` input and not required by the `--module` check; a
   * declaration file serves what it declares.
   * @default none
   */
  excludeImports?: readonly string[];
}

/** The default output name for an input path: its base name without extensions. */
export function defaultName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(d\.ts|d\.mts|ts|mts|wasm)$/, "");
  return stem === "" ? "bindings" : stem;
}
