/**
 * The type section of a wasm binary: function types with any number of
 * params and results (multi-value), plus enough of the GC proposal's
 * encoding (rec groups, sub types, structs, arrays, typed references) to
 * step over it, so a module that uses GC types elsewhere still has its
 * numeric function imports read. Value types are kept as text when they are
 * not one of hostbind's four numeric types, for the error message.
 *
 * @example
 * ```ts
 * import { readTypeSection } from "./_types.ts";
 * import { WasmReader } from "./_reader.ts";
 * // One type, (func (param i32 i32) (result i32 i32)), as a type section's body.
 * const types = readTypeSection(new WasmReader(Uint8Array.of(1, 0x60, 2, 0x7f, 0x7f, 2, 0x7f, 0x7f), "x.wasm"));
 * types[0]; // { kind: "func", params: ["i32", "i32"], results: ["i32", "i32"] }
 * ```
 * @module
 */
import type { WasmType } from "../../ir/types.ts";
import type { WasmReader } from "./_reader.ts";

/** A value type: one of the four numeric types, or the text of any other (`v128`, `externref`). */
export type WasmValType = WasmType | { other: string };

/** One entry of the type section (after flattening rec groups). */
export type WasmTypeDef =
  | { kind: "func"; params: WasmValType[]; results: WasmValType[] }
  | { kind: "struct" | "array" };

const NUM_TYPES: Readonly<Record<number, WasmType>> = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64" };

/** Abstract heap types and their short `…ref` names (function-references and GC proposals). */
const HEAP_TYPES: Readonly<Record<number, string>> = {
  0x70: "func", 0x6f: "extern", 0x6e: "any", 0x6d: "eq", 0x6c: "i31", 0x6b: "struct", 0x6a: "array",
  0x69: "exn", 0x73: "nofunc", 0x72: "noextern", 0x71: "none", 0x74: "noexn",
};

/** Reads one value type. */
export function readValType(r: WasmReader, what: string): WasmValType {
  const at = r.pos;
  const b = r.byte(what);
  const num = NUM_TYPES[b];
  if (num) return num;
  if (b === 0x7b) return { other: "v128" };
  const heap = HEAP_TYPES[b];
  if (heap) return { other: `${heap}ref` };
  if (b === 0x63 || b === 0x64) {
    return { other: `(ref ${b === 0x63 ? "null " : ""}${readHeapType(r, what)})` };
  }
  throw r.error(`Unknown value type 0x${hex(b)} in ${what}`, at);
}

/** Reads a heap type: an abstract one, or a type index (a non-negative s33). */
function readHeapType(r: WasmReader, what: string): string {
  const b = r.bytes[r.pos];
  const heap = b === undefined ? undefined : HEAP_TYPES[b];
  if (heap) {
    r.pos++;
    return heap;
  }
  // A non-negative s33 below 2^32 has the same encoding as a u32.
  return `$${r.u32(what)}`;
}

/** Reads the type section's contents into a flat list indexed by type index. */
export function readTypeSection(r: WasmReader): WasmTypeDef[] {
  const types: WasmTypeDef[] = [];
  const count = r.u32("the number of types");
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    if (r.bytes[at] === 0x4e && at < r.end) {
      r.pos++;
      const n = r.u32("the size of a rec group");
      for (let j = 0; j < n; j++) types.push(readSubType(r));
    } else {
      types.push(readSubType(r));
    }
  }
  return types;
}

/** A sub type (`sub`/`sub final` with supertypes) or a bare composite type. */
function readSubType(r: WasmReader): WasmTypeDef {
  const b = r.bytes[r.pos];
  if ((b === 0x50 || b === 0x4f) && r.pos < r.end) {
    r.pos++;
    const supers = r.u32("the number of supertypes");
    for (let k = 0; k < supers; k++) r.u32("a supertype index");
  }
  return readCompositeType(r);
}

function readCompositeType(r: WasmReader): WasmTypeDef {
  const at = r.pos;
  const form = r.byte("a type definition");
  if (form === 0x60) {
    const params = readValTypes(r, "the parameter types of a function type");
    const results = readValTypes(r, "the result types of a function type");
    return { kind: "func", params, results };
  }
  if (form === 0x5f) {
    const n = r.u32("the number of struct fields");
    for (let i = 0; i < n; i++) readFieldType(r);
    return { kind: "struct" };
  }
  if (form === 0x5e) {
    readFieldType(r);
    return { kind: "array" };
  }
  throw r.error(`Unknown type form 0x${hex(form)} in the type section; expected 0x60 (a function type)`, at);
}

function readValTypes(r: WasmReader, what: string): WasmValType[] {
  const n = r.u32(`the number of ${what}`);
  const out: WasmValType[] = [];
  for (let i = 0; i < n; i++) out.push(readValType(r, what));
  return out;
}

/** A struct/array field: a storage type (a value type or packed i8/i16), then mutability. */
function readFieldType(r: WasmReader): void {
  const b = r.bytes[r.pos];
  if ((b === 0x78 || b === 0x77) && r.pos < r.end) r.pos++;
  else readValType(r, "a field type");
  r.byte("a field's mutability");
}

/** The text of a value type as in the wasm text format (`i32`, `v128`, `externref`). */
export function valTypeText(t: WasmValType): string {
  return typeof t === "string" ? t : t.other;
}

/** Two lowercase hex digits. */
export function hex(b: number): string {
  return b.toString(16).padStart(2, "0");
}
