/**
 * The two readers of hostbind's input, each producing the same plain IR
 * ({@link Declarations}, not yet validated):
 *
 * - `dts/`: TypeScript declaration text, read with the TypeScript compiler;
 * - `wasm/`: the import section of a `.wasm` binary.
 *
 * @example
 * ```ts
 * import { readDts, readWasm } from "./mod.ts";
 * const decls = readDts("export declare namespace env { function now(): f64; }", "clock.d.ts");
 * decls.modules[0]?.functions[0]?.name; // "now"
 * readWasm(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0), "empty.wasm").modules.length; // 0
 * ```
 * @module
 */
export { readDts } from "./dts/mod.ts";
export { readWasm } from "./wasm/mod.ts";
