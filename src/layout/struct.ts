/**
 * C struct layout for result structs: each field at the next offset that is
 * a multiple of its alignment, the struct aligned to its largest field, the
 * size rounded up to that alignment. Computed once per target; emitters only
 * look the numbers up.
 *
 * @example
 * ```ts
 * import { layoutStruct } from "./struct.ts";
 * import { targetByName } from "./targets.ts";
 * const s = layoutStruct("r", [{ name: "a", type: "i32" }, { name: "b", type: "f64" }], targetByName("x86_64-linux")!);
 * // s.size === 16, s.fields[1].offset === 8, s.fields[1].paddingBefore === 4
 * ```
 * @module
 */
import type { ValueType } from "../ir/types.ts";
import type { Target } from "./targets.ts";

/** One field of a laid-out struct. */
export interface FieldLayout {
  /** The field name as it appears in C (already escaped). */
  name: string;
  /** Its value type. */
  type: ValueType;
  /** Byte offset from the start of the struct. */
  offset: number;
  /** Size in bytes. */
  size: number;
  /** Alignment in bytes on this target. */
  align: number;
  /** Padding bytes inserted between the previous field (or the start) and this one. */
  paddingBefore: number;
}

/** A laid-out C struct. */
export interface StructLayout {
  /** The C type name (`SYMBOL_result`). */
  name: string;
  /** `sizeof`, including trailing padding. */
  size: number;
  /** `_Alignof`: the largest field alignment (1 for an empty struct). */
  align: number;
  /** The fields in declaration order. */
  fields: FieldLayout[];
  /** Padding bytes after the last field. */
  trailingPadding: number;
}

/** Rounds `n` up to a multiple of `align` (a power of two). */
export function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** Lays out a struct of `fields` (names already C-safe) for `target`. */
export function layoutStruct(
  name: string,
  fields: readonly { name: string; type: ValueType }[],
  target: Target,
): StructLayout {
  let offset = 0;
  let align = 1;
  const out: FieldLayout[] = [];
  for (const f of fields) {
    const a = target.structAlign[f.type];
    const size = target.size[f.type];
    const at = alignUp(offset, a);
    out.push({ name: f.name, type: f.type, offset: at, size, align: a, paddingBefore: at - offset });
    offset = at + size;
    align = Math.max(align, a);
  }
  const size = alignUp(offset, align);
  return { name, size, align, fields: out, trailingPadding: size - offset };
}
