/**
 * Which identifiers the fast path (`_fast.ts`) accepts as declared names,
 * and value types recognised straight from the text. Reserved words and the
 * words the compiler's type parser treats specially (`number`, `readonly`,
 * `keyof`, …) are not plain names: a file that declares one goes to the
 * slow path, so the fast path never resolves a name the compiler would
 * parse as something else.
 *
 * @example
 * ```ts
 * import { isBindingName, isTypeName, valueTypeAt } from "./_fast_names.ts";
 * isBindingName("value"); // true
 * isBindingName("this");  // false
 * isTypeName("number");   // false (the compiler reads it as the keyword type)
 * valueTypeAt("a: u64", 3, 6); // "u64"
 * ```
 * @module
 */
import { ES_RESERVED_WORDS } from "../ir/names.ts";
import type { ValueType } from "../ir/types.ts";

/** ECMAScript reserved words, strict-mode and module reserved words, and `this`. */
const RESERVED = ES_RESERVED_WORDS;

/** Words a type position reads specially, contextual keywords, and the wasm types hostbind rejects by name. */
const TYPE_WORDS: ReadonlySet<string> = new Set([
  "any", "unknown", "number", "bigint", "string", "symbol", "boolean", "object", "never", "undefined",
  "intrinsic", "readonly", "keyof", "unique", "infer", "asserts", "is", "abstract", "global", "declare",
  "module", "namespace", "type", "as", "from", "require", "satisfies", "accessor", "async", "of", "get",
  "set", "constructor", "v128", "externref", "funcref",
]);

/**
 * The reserved words by first character: names are checked with a few
 * length tests and string compares, cheaper than hashing every fresh name
 * for a `Set` (this runs for every function and parameter).
 */
const RESERVED_BY_FIRST: readonly (readonly string[] | undefined)[] = (() => {
  const table: string[][] = [];
  for (const w of RESERVED) (table[w.charCodeAt(0)] ??= []).push(w);
  return table;
})();

/** True for a name the fast path accepts for a function, parameter, label or module. */
export function isBindingName(name: string): boolean {
  const words = RESERVED_BY_FIRST[name.charCodeAt(0)];
  if (words === undefined) return true;
  for (const w of words) if (w.length === name.length && w === name) return false;
  return true;
}

/** True for a name the fast path accepts for a type alias or an imported value type's local name. */
export function isTypeName(name: string): boolean {
  return !RESERVED.has(name) && !TYPE_WORDS.has(name) && valueTypeAt(name, 0, name.length) === undefined;
}

/** The value types by first letter and width, so an identifier is checked without a substring. */
const BY_LETTER: Readonly<Record<number, readonly [ValueType, ValueType]>> = {
  0x69: ["i32", "i64"],
  0x75: ["u32", "u64"],
  0x66: ["f32", "f64"],
};

/** The value type spelled by `text[start, end)`, if any (`i32`, `u32`, `i64`, `u64`, `f32`, `f64`). */
export function valueTypeAt(text: string, start: number, end: number): ValueType | undefined {
  if (end - start !== 3) return undefined;
  const pair = BY_LETTER[text.charCodeAt(start)];
  if (pair === undefined) return undefined;
  const a = text.charCodeAt(start + 1);
  const b = text.charCodeAt(start + 2);
  if (a === 0x33 && b === 0x32) return pair[0];
  if (a === 0x36 && b === 0x34) return pair[1];
  return undefined;
}
