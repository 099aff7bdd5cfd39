/**
 * The Deno emitter: `NAME.deno.ts`, built on `Deno.dlopen`. Everything but
 * the spelling below is shared with Bun (`../ts/emit.ts`).
 *
 * @example
 * ```ts
 * import { emitDeno } from "./mod.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * const source = emitDeno(cx); // the text of divmod.deno.ts
 * ```
 * @module
 */
import { RUNTIME_MEMORY_PATH } from "../../layout/paths.ts";
import type { EmitContext } from "../context.ts";
import type { Dialect } from "../ts/dialect.ts";
import { emitTsModule } from "../ts/emit.ts";
import { type TsModel, tsModel } from "../ts/model.ts";

/**
 * Deno's spelling of the generated module.
 *
 * @example
 * ```ts
 * DENO.ffiType.u32; // "u32"
 * ```
 */
export const DENO: Dialect = {
  runtime: "Deno",
  detect: '"Deno" in globalThis',
  extension: ".deno.ts",
  ffiApi: "Deno.dlopen",
  preamble: [],
  ffiType: { i32: "i32", u32: "u32", i64: "i64", u64: "u64", f32: "f32", f64: "f64" },
  pointerType: "pointer",
  voidType: "void",
  definition: (params, result) => `{ parameters: [${params.join(", ")}], result: ${result} }`,
  stubPointer: (offset) => `Deno.UnsafePointer.offset(ctx, ${offset})`,
  userDataType: "Deno.PointerValue | bigint",
  runtimeTemplate: "deno-load.ts.tmpl",
  guest: { template: "deno-guest.ts.tmpl", imports: [] },
  // Deno runs a `nonblocking` symbol on a thread of its own and answers with a promise.
  async: { templates: ["deno-async.ts.tmpl"], imports: [] },
  asyncDefinition: (pointer, result) => `{ parameters: [${pointer}], result: ${result}, nonblocking: true }`,
  memoryPath: RUNTIME_MEMORY_PATH.deno,
};

/**
 * Emits `NAME.deno.ts` for `cx`.
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * const cx = createEmitContext(decls, "divmod", undefined);
 * emitDeno(cx).includes("Deno.dlopen"); // true
 * ```
 */
export function emitDeno(cx: EmitContext, model: TsModel = tsModel(cx)): string {
  return emitTsModule(cx, DENO, model);
}
