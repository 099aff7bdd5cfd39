/**
 * The wasm-level signature of an import: its declared signature lowered by
 * the component model's canonical ABI (docs/abi.md §7). Value types pass as
 * they are; a `string` or `Uint8Array` parameter `p` becomes two `u32`s,
 * `p_ptr` and `p_len` (where the data sits in guest memory); a `string` or
 * `Uint8Array` result becomes a trailing `u32` parameter `retptr`, the
 * address where the host writes the result's `(ptr, len)`, and the function
 * returns nothing. Everything that deals in wasm values — the call stub, the
 * JS wrappers, a `.wasm` comparison, the memory path's argument block — reads
 * this; only the C header, the shims and the Rust mirror see the data types.
 *
 * @example
 * ```ts
 * import { lowerSignature } from "./lower.ts";
 * import { readDts } from "../parse/mod.ts";
 * const fn = readDts("declare namespace fs { function read_file(path: string): Uint8Array; }", "fs.d.ts").modules[0]!.functions[0]!;
 * lowerSignature(fn).params.map((p) => p.name); // ["path_ptr", "path_len", "retptr"]
 * ```
 * @module
 */
import { type DeclaredType, type ImportFunction, isDataType, type ValueType } from "./types.ts";

/** One wasm-level parameter or result: a value type. */
export interface WireValue {
  /** `p` for a value parameter, `p_ptr`/`p_len` for a data parameter, `retptr`; results keep their names. */
  name: string;
  /** Its value type (the `u32`s of a data type are unsigned offsets and lengths). */
  type: ValueType;
  /** True when the name came from a tuple label (results only). */
  labelled: boolean;
}

/** The lowered signature: what the guest's wasm import type is. */
export interface WireSignature {
  /** The wasm parameters, in order. */
  params: WireValue[];
  /** The wasm results, in order (none for a data result). */
  results: WireValue[];
  /** True when some parameter or the result is a data type: such an import takes the memory path everywhere. */
  hasData: boolean;
}

/** The name of the return-area parameter a data result adds. */
export const RETPTR = "retptr";

/** Lowers `fn`'s signature to wasm values (see the module doc). */
export function lowerSignature(fn: Pick<ImportFunction, "params" | "results">): WireSignature {
  const params: WireValue[] = [];
  let hasData = false;
  for (const p of fn.params) {
    if (isDataType(p.type)) {
      hasData = true;
      params.push({ name: `${p.name}_ptr`, type: "u32", labelled: false }, { name: `${p.name}_len`, type: "u32", labelled: false });
    } else {
      params.push({ name: p.name, type: p.type, labelled: false });
    }
  }
  const results: WireValue[] = [];
  for (const r of fn.results) {
    if (isDataType(r.type)) {
      hasData = true;
      params.push({ name: RETPTR, type: "u32", labelled: false });
    } else {
      results.push({ name: r.name, type: r.type, labelled: r.labelled });
    }
  }
  return { params, results, hasData };
}

/** The declared type as a message or a comment shows it: `string`, `Uint8Array`, `i32`, …. */
export function declaredTypeName(t: DeclaredType): string {
  return t === "bytes" ? "Uint8Array" : t;
}
