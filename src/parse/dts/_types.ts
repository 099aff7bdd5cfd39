/**
 * Resolves a type node to what it means for a wasm signature: a value type,
 * `void`, a tuple (to be read as results), or a rejection saying what was
 * found and what to do instead. Aliases are followed recursively in the scope
 * they were declared in, and cycles are caught. Whether a shape is allowed
 * where it appears (a tuple is fine as a return type, not as a parameter) is
 * the caller's decision.
 * @module
 */
import { ts } from "ts-morph";
import { type DeclaredType, VALUE_TYPES, type ValueType } from "../../ir/types.ts";
import { closest } from "../../suggest.ts";
import { code, type ParseContext } from "./_context.ts";
import type { Scope } from "./_scope.ts";

/** What a type node resolves to. `via` lists the aliases followed to get there, outermost first. */
export type Shape =
  /** A value type, or a data type (`string`, `Uint8Array`): where it may appear is the caller's decision. */
  | { kind: "value"; type: DeclaredType; via: readonly string[] }
  | { kind: "void"; via: readonly string[] }
  | { kind: "tuple"; node: ts.TupleTypeNode; scope: Scope; via: readonly string[] }
  | { kind: "bad"; node: ts.Node; found: string; problem: string; hint: string; via: readonly string[] }
  /** The problem was already reported at its declaration; report nothing more. */
  | { kind: "reported" };

/** The value types as a message lists them. */
export const EXPECTED = `one of ${VALUE_TYPES.join(", ")}, string, Uint8Array`;

const ANY_HINT = `Declare the parameter or result as ${EXPECTED}.`;

/** Rejections by syntax kind: what to say about the type and what to do instead. */
const KIND_HINTS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.NumberKeyword]:
    "Say which wasm type the number travels as: `i32` or `u32` for integers, `f64` or `f32` for floating point.",
  [ts.SyntaxKind.BigIntKeyword]: "Use `i64` (signed) or `u64` (unsigned) for 64-bit integers.",
  [ts.SyntaxKind.BooleanKeyword]: "Pass a boolean as `i32` (0 or 1).",
  [ts.SyntaxKind.TypeLiteral]:
    "As a result, return a named tuple of value types, e.g. `[quot: i32, rem: i32]` (C gets a struct through the "
    + "out-pointer); as a parameter, pass each field as its own parameter, or a pointer (`u32`) to the data in guest memory.",
  [ts.SyntaxKind.UnionType]: "A wasm value has exactly one type; declare one of the value types.",
  [ts.SyntaxKind.IntersectionType]: "A wasm value has exactly one type; declare one of the value types.",
  [ts.SyntaxKind.ArrayType]: "Pass bytes as `Uint8Array`; pass another array as a pointer and a length into guest memory: `(ptr: u32, len: u32)`.",
  [ts.SyntaxKind.LiteralType]: "Declare the value type (e.g. `i32`) instead of a literal type.",
  [ts.SyntaxKind.FunctionType]: "Pass a callback as an index into a function table, typed `i32`.",
  [ts.SyntaxKind.ConstructorType]: "Pass an object as an index or handle typed `i32`.",
};

/** Value-type-like names wasm has but hostbind does not support, with why and what to do instead. */
const UNSUPPORTED_WASM: Record<string, { problem: string; hint: string }> = {
  v128: {
    problem: "the wasm SIMD type `v128` is not supported (no C ABI passes it portably)",
    hint: "Split the vector into `i64` halves, or pass a pointer (`u32`) to it in guest memory.",
  },
  externref: {
    problem: "the wasm reference type `externref` is not supported (native code cannot hold JS objects)",
    hint: "Keep the objects in a table on the JS side and pass an index or handle as `i32`.",
  },
  funcref: {
    problem: "the wasm reference type `funcref` is not supported (native code cannot call wasm functions)",
    hint: "Pass an index into the guest's function table as `i32`.",
  },
};

/** Well-known generic names, with a more specific hint than "generics are not supported". */
const GENERIC_HINTS: Record<string, string> = {
  Array: KIND_HINTS[ts.SyntaxKind.ArrayType]!,
  ReadonlyArray: KIND_HINTS[ts.SyntaxKind.ArrayType]!,
  Promise: "A Promise is only the whole result type, with one type argument: `): Promise<i32>;` declares an async import.",
};

/** `via` before any alias is followed: one shared empty list, not a new array per type node. */
const NO_ALIASES: readonly string[] = Object.freeze([]);

/** Resolves `node` in `scope`. `via` carries the aliases followed so far (for cycles and messages). */
export function resolveShape(cx: ParseContext, node: ts.TypeNode, scope: Scope, via: readonly string[] = NO_ALIASES): Shape {
  if (ts.isParenthesizedTypeNode(node)) return resolveShape(cx, node.type, scope, via);
  if (node.kind === ts.SyntaxKind.VoidKeyword) return { kind: "void", via };
  if (ts.isTupleTypeNode(node)) return { kind: "tuple", node, scope, via };
  // `readonly [a: i32, b: i32]` is still a tuple of results.
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) {
    const inner = node.type;
    if (ts.isTupleTypeNode(inner)) return { kind: "tuple", node: inner, scope, via };
  }
  if (ts.isTypeReferenceNode(node)) return resolveReference(cx, node, scope, via);
  // UTF-8 text as `(ptr, len)` in guest memory (docs/abi.md §7).
  if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: "value", type: "string", via };
  const hint = KIND_HINTS[node.kind] ?? ANY_HINT;
  return bad(cx, node, `expected ${EXPECTED}`, hint, via);
}

function resolveReference(cx: ParseContext, node: ts.TypeReferenceNode, scope: Scope, via: readonly string[]): Shape {
  const typeName = node.typeName;
  const typeNameText = cx.text(typeName);
  // A use of something already reported (a generic alias, an interface) adds nothing.
  if (scope.rejects(typeNameText)) return { kind: "reported" };
  if ((node.typeArguments?.length ?? 0) > 0) {
    const hint = GENERIC_HINTS[typeNameText] ?? `Use a concrete value type, ${EXPECTED}, instead of a generic type.`;
    return bad(cx, node, `generic types are not supported; expected ${EXPECTED}`, hint, via);
  }
  if (ts.isQualifiedName(typeName)) {
    // `hb.i32` where `import type * as hb from "hostbind"`.
    const left = typeName.left;
    const right = cx.text(typeName.right);
    if (ts.isIdentifier(left) && scope.isHostbindNamespace(cx.text(left)) && isValueType(right)) {
      return { kind: "value", type: right, via };
    }
    return unknownName(cx, node, via);
  }
  const name = typeNameText;
  // Value types are recognised by name first, so a local `type i32 = number`
  // (written to make the file type-check without hostbind installed) is fine.
  if (isValueType(name)) return { kind: "value", type: name, via };
  // Bytes as `(ptr, len)` in guest memory (docs/abi.md §7); the global name, as `string` is a keyword.
  if (name === "Uint8Array") return { kind: "value", type: "bytes", via };
  const unsupported = UNSUPPORTED_WASM[name];
  if (unsupported) return bad(cx, node, unsupported.problem, unsupported.hint, via);
  const entry = scope.lookup(name);
  if (entry === undefined || entry.kind === "rejected") return unknownName(cx, node, via);
  if (entry.kind === "value") return { kind: "value", type: entry.type, via };
  if (via.includes(name)) {
    const cycle = [...via.slice(via.indexOf(name)), name].join(" → ");
    return bad(
      cx,
      node,
      `type alias \`${name}\` refers to itself (${cycle})`,
      "Make the alias resolve to a value type, a tuple of value types, or `void`.",
      [], // the cycle itself shows the aliases followed
    );
  }
  return resolveShape(cx, entry.decl.type, entry.scope, [...via, name]);
}

/** Names people coming from C, Rust or AssemblyScript type by habit, and the value type they mean. */
const LIKELY_MEANT: Record<string, ValueType> = {
  int: "i32", int32: "i32", int32_t: "i32", uint: "u32", uint32: "u32", uint32_t: "u32", usize: "u32",
  long: "i64", int64: "i64", int64_t: "i64", uint64: "u64", uint64_t: "u64",
  float: "f32", float32: "f32", double: "f64", float64: "f64",
};

/** Integer types narrower than wasm's: no wasm value has them. */
const NARROW_INTEGERS: ReadonlySet<string> = new Set([
  "i8", "u8", "i16", "u16", "int8", "uint8", "int16", "uint16", "int8_t", "uint8_t", "int16_t", "uint16_t", "char", "short",
  "byte", "bool",
]);

function unknownName(cx: ParseContext, node: ts.TypeNode, via: readonly string[]): Shape {
  const text = cx.text(node);
  if (NARROW_INTEGERS.has(text)) {
    return bad(
      cx,
      node,
      `wasm has no ${text === "bool" ? "boolean" : "8- or 16-bit integer"} values: its integers are i32 and i64`,
      `Declare \`${/^u|^byte$|^bool$/.test(text) ? "u32" : "i32"}\` and narrow the value in native code (the guest passes it widened to 32 bits).`,
      via,
    );
  }
  const meant = LIKELY_MEANT[text];
  const typo = meant === undefined ? closest(text, VALUE_TYPES) : undefined;
  return bad(
    cx,
    node,
    `no type by that name is declared in this file; expected ${EXPECTED} or a type alias of one`,
    meant
      ? `Write \`${meant}\` for this wasm value type.`
      : typo
      ? `Did you mean \`${typo}\`? Otherwise declare \`type ${text} = …\` in this file.`
      : `Use ${EXPECTED}, or declare \`type ${text} = …\` in this file.`,
    via,
  );
}

function bad(cx: ParseContext, node: ts.Node, problem: string, hint: string, via: readonly string[]): Shape {
  return { kind: "bad", node, found: code(cx.text(node)), problem, hint, via };
}

/** True for the names of hostbind's value types. */
export function isValueType(name: string): name is ValueType {
  return (VALUE_TYPES as readonly string[]).includes(name);
}

/** " (through type alias `A`)" or " (through type aliases `A`, `B`)" for a message; "" when no alias was followed. */
export function throughAliases(via: readonly string[]): string {
  if (via.length === 0) return "";
  const names = via.map((v) => `\`${v}\``).join(" → ");
  return ` (through type alias${via.length > 1 ? "es" : ""} ${names})`;
}
