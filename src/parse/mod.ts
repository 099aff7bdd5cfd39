/** Placeholder until the parser lands. @module */
import type { Declarations } from "../ir/types.ts";

/** Parses TypeScript declarations into the IR (not implemented yet). */
export function parseDeclarations(_source: string, _file: string): Declarations {
  throw new Error("parseDeclarations: not implemented yet");
}

/** Reads a wasm module's import section into the IR (not implemented yet). */
export function parseWasm(_bytes: Uint8Array, _file: string): Declarations {
  throw new Error("parseWasm: not implemented yet");
}
