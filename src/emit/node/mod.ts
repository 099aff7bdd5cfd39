/**
 * The Node emitter: `NAME.node.ts`, built on Node 26's `node:ffi`. Node
 * wraps every FFI function with an integer or pointer parameter (the context
 * is one) in JS that checks each argument, so such a call costs 4–66× a
 * pure-JS import; a call with no arguments costs ~1.6×.
 * Every import but `@noctx` ones therefore takes the memory call path: the
 * stub stores the arguments in the argument block and a native shim
 * (compiled from the header with `HOSTBIND_IMPLEMENTATION`) reads them,
 * given only its Host's address as an f64, which node:ffi does not check.
 * The module is erasable TypeScript, so `node` 26 runs it as it is.
 *
 * @example
 * ```ts
 * import { emitNode } from "./mod.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function divmod(a: i32, b: i32): [i32, i32]; }", "divmod.d.ts");
 * emitNode(createEmitContext(decls, "divmod", undefined)).includes('from "node:ffi"'); // true
 * ```
 * @module
 */
import { RUNTIME_MEMORY_PATH } from "../../layout/paths.ts";
import type { EmitContext } from "../context.ts";
import type { Dialect } from "../ts/dialect.ts";
import { emitTsModule } from "../ts/emit.ts";
import { type TsModel, tsModel } from "../ts/model.ts";
import { jsString } from "../ts/names.ts";

/**
 * Node's spelling of the generated module.
 *
 * @example
 * ```ts
 * NODE.ffiType.f64; // "f64"
 * ```
 */
export const NODE: Dialect = {
  runtime: "Node",
  // Deno and Bun have a `process` global too: they are tested first.
  detect: '"process" in globalThis',
  // Node before 26.1 has no node:ffi, and 26.1–26.8 only with --experimental-ffi: importing the
  // module would fail with "No such built-in module", which does not say what to do.
  guard: (file) => [
    "const node = (globalThis as { process: { version: string; getBuiltinModule?(id: string): unknown } }).process;",
    `if (node.getBuiltinModule?.("node:ffi") === undefined) {`,
    `  throw new Error(${jsString(`hostbind: ${file} needs node:ffi: Node 26.9 or newer, or 26.1–26.8 with --experimental-ffi; this is Node `)} + node.version);`,
    "}",
  ],
  extension: ".node.ts",
  ffiApi: "node:ffi",
  preamble: [
    'import { dlopen, getRawPointer, suffix } from "node:ffi";',
    'import { closeSync, openSync, readSync, realpathSync } from "node:fs";',
    'import { fileURLToPath } from "node:url";',
  ],
  ffiType: { i32: "i32", u32: "u32", i64: "i64", u64: "u64", f32: "f32", f64: "f64" },
  pointerType: "pointer",
  voidType: "void",
  definition: (params, result) => `{ arguments: [${params.join(", ")}], return: ${result} }`,
  stubPointer: (offset) => (typeof offset === "number" ? `ctx + ${offset}n` : `ctx + BigInt(${offset})`),
  userDataType: "bigint | number",
  runtimeTemplate: "node-load.ts.tmpl",
  guest: { template: "node-guest.ts.tmpl", imports: [] },
  async: { templates: ["node-async.ts.tmpl"], imports: ['import { getCurrentEventLoop } from "node:ffi";'] },
  asyncDefinition: (pointer, result) => `{ arguments: [${pointer}], return: ${result} }`,
  memoryPath: RUNTIME_MEMORY_PATH.node,
  // node:ffi range-checks 64-bit arguments (a u64 from wasm arrives negative): wrap them as wasm
  // does. BigInt.as…N also throws a TypeError for a number, as wasm's ToBigInt64 does.
  toNative: {
    i64: (n) => `BigInt.asIntN(64, ${n})`,
    u64: (n) => `BigInt.asUintN(64, ${n})`,
  },
};

/**
 * Emits `NAME.node.ts` for `cx`.
 *
 * @example
 * ```ts
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function now(): f64; }", "clock.d.ts");
 * emitNode(createEmitContext(decls, "clock", undefined)).includes("hostbind_shim_env_now"); // true
 * ```
 */
export function emitNode(cx: EmitContext, model: TsModel = tsModel(cx, NODE.memoryPath)): string {
  return emitTsModule(cx, NODE, model);
}
