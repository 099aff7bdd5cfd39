/**
 * hostbind: serve WebAssembly imports from native shared libraries in Deno
 * and Bun. This is the one public entry of the library.
 *
 * @example
 * ```ts
 * import { generate } from "hostbind";
 * const files = generate(
 *   `export declare namespace env { function now(): f64; }`,
 *   { file: "clock.d.ts", lib: "./libclock" },
 * );
 * for (const f of files) console.log(f.path, f.contents.length);
 * ```
 * @module
 */
export {
  DEFAULT_OUTPUT_KINDS,
  defaultName,
  generate,
  type GeneratedFile,
  type GenerateOptions,
  OUTPUT_KINDS,
  type OutputKind,
  parseDeclarations,
  type ParseOptions,
  parseWasm,
  skeleton,
  type SkeletonOptions,
} from "./generate.ts";
export { declareFromWasm, printWasmDeclarations } from "./declare/mod.ts";
export { declarationWarnings, printDeclarations } from "./declare/print.ts";
export { validateDeclarations } from "./ir/validate.ts";
export { compareWithModule, type ModuleComparison, type ModuleWarning, wasmType } from "./ir/compare.ts";
export {
  CTX,
  type FieldLayout,
  type ImportLayout,
  layout,
  type Layout,
  type LayoutOptions,
  type NativeParam,
  type StructLayout,
  type Target,
  type TargetName,
  TARGETS,
} from "./layout/mod.ts";
export { HostbindError, HostbindErrors } from "./errors.ts";
export type * from "./ir/types.ts";
export type { f32, f64, i32, i64, u32, u64 } from "./types.ts";
