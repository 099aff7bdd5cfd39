/**
 * The Bun emitter: `NAME.bun.ts`, built on `bun:ffi`. Everything but the
 * spelling below is shared with Deno (`../ts/emit.ts`).
 *
 * @example
 * ```ts
 * import { emitBun } from "./mod.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const source = emitBun(cx); // the text of divmod.bun.ts
 * ```
 * @module
 */
import { RUNTIME_MEMORY_PATH } from "../../layout/paths.ts";
import type { EmitContext } from "../context.ts";
import type { Dialect } from "../ts/dialect.ts";
import { emitTsModule } from "../ts/emit.ts";
import { type TsModel, tsModel } from "../ts/model.ts";

/**
 * Bun's spelling of the generated module.
 *
 * @example
 * ```ts
 * BUN.ffiType.i64; // "i64" (never "i64_fast")
 * ```
 */
export const BUN: Dialect = {
  runtime: "Bun",
  detect: '"Bun" in globalThis',
  extension: ".bun.ts",
  ffiApi: "bun:ffi",
  preamble: [
    'import { dlopen, type Library, type Pointer, ptr, suffix } from "bun:ffi";',
    'import { closeSync, openSync, readSync, realpathSync } from "node:fs";',
  ],
  // Never `i64_fast`/`u64_fast`: they return a number when the value fits,
  // which wasm's ToBigInt64 rejects.
  ffiType: { i32: "i32", u32: "u32", i64: "i64", u64: "u64", f32: "f32", f64: "f64" },
  pointerType: "ptr",
  voidType: "void",
  definition: (params, result) => `{ args: [${params.join(", ")}], returns: ${result} }`,
  stubPointer: (offset) => `(ctx + ${offset}) as Pointer`,
  userDataType: "number | bigint",
  runtimeTemplate: "bun-load.ts.tmpl",
  guest: { template: "bun-guest.ts.tmpl", imports: ['import { JSCallback } from "bun:ffi";'] },
  async: { templates: ["async-pool.ts.tmpl", "bun-async.ts.tmpl"], imports: [] },
  asyncDefinition: (pointer, result) => `{ args: [${pointer}], returns: ${result} }`,
  memoryPath: RUNTIME_MEMORY_PATH.bun,
};

/**
 * Emits `NAME.bun.ts` for `cx`.
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * emitBun(cx).includes('from "bun:ffi"'); // true
 * ```
 */
export function emitBun(cx: EmitContext, model: TsModel = tsModel(cx)): string {
  return emitTsModule(cx, BUN, model);
}
