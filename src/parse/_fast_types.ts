/**
 * Types on the fast path (`_fast.ts`): reading a type from the scanner —
 * a value type or a type name, `void`, a tuple or `readonly` tuple of
 * names (all labelled or none) — and resolving type names through the
 * aliases a scope can see, with the slow path's rules (`_types.ts`,
 * `_scope.ts`): value types by name first, then the innermost scope's
 * imported value-type names, then its aliases, then the enclosing scope.
 * Whatever the slow path would report — an unknown name, a cycle, a tuple
 * or `void` where a value type belongs — declines.
 *
 * @example
 * ```ts
 * import { FastScope, resolveName } from "./_fast_types.ts";
 * const top = new FastScope(undefined);
 * top.aliases.set("Pair", { kind: TUPLE, elements: [{ label: "lo", name: "i64" }, { label: "hi", name: "i64" }], scope: top });
 * resolveName("Pair", top, 0); // the alias's tuple
 * ```
 * @module
 */
import type { ValueType } from "../ir/types.ts";
import { isBindingName, isTypeName, valueTypeAt } from "./_fast_names.ts";
import { decline, type FastScanner, IDENT } from "./_fast_scan.ts";
import { isValueType } from "./_types.ts";

/** Alias kinds: `type X = void`, `type X = Name`, `type X = [ … ]`. */
export const VOID = 0;
export const REF = 1;
export const TUPLE = 2;

/** A tuple element as written: its label (if any) and its type name. */
export interface FastElement {
  label: string | undefined;
  name: string;
}

/** The right-hand side of a type alias, and the scope its names resolve in. */
export type FastAlias =
  | { kind: typeof VOID; scope: FastScope }
  | { kind: typeof REF; name: string; scope: FastScope }
  | { kind: typeof TUPLE; elements: FastElement[]; scope: FastScope };

/** What a type name means once aliases are followed: a value type, `void`, or a tuple. */
export type Resolved = ValueType | "void" | { elements: FastElement[]; scope: FastScope };

/** The type names declared at the top level or in one module block. */
export class FastScope {
  /** Type aliases declared here. */
  readonly aliases = new Map<string, FastAlias>();
  /** Local names of renamed value-type imports (`i32 as Int`). */
  readonly valueNames = new Map<string, ValueType>();

  constructor(readonly parent: FastScope | undefined) {}

  /** Adds an alias; declines on a duplicate or a name the slow path treats otherwise. */
  declare(name: string, alias: FastAlias): void {
    if (!isTypeName(name) || this.aliases.has(name)) decline();
    this.aliases.set(name, alias);
  }
}

/** Aliases followed before the fast path gives up (a cycle is an error on the slow path). */
const MAX_DEPTH = 64;

/** Resolves a type name in `scope` as the slow path's `resolveReference` does; declines where it reports. */
export function resolveName(name: string, scope: FastScope, depth: number): Resolved {
  if (isValueType(name)) return name;
  if (depth > MAX_DEPTH) decline();
  for (let s: FastScope | undefined = scope; s !== undefined; s = s.parent) {
    const value = s.valueNames.get(name);
    if (value !== undefined) return value;
    const alias = s.aliases.get(name);
    if (alias === undefined) continue;
    if (alias.kind === VOID) return "void";
    if (alias.kind === REF) return resolveName(alias.name, alias.scope, depth + 1);
    return alias;
  }
  return decline();
}

/** Resolves `name` to a value type; declines on anything else. */
export function resolveValue(name: string, scope: FastScope): ValueType {
  const r = resolveName(name, scope, 0);
  if (typeof r !== "string" || r === "void") decline();
  return r;
}

/**
 * Reads the type at the scanner for a type alias: `void`, a name, or a
 * (`readonly`) tuple of names; the scanner ends after it.
 */
export function readAliasType(s: FastScanner, scope: FastScope): FastAlias {
  if (s.is("void")) {
    s.next();
    return { kind: VOID, scope };
  }
  if (s.is("readonly") || s.kind === 0x5b) return { kind: TUPLE, elements: readTuple(s), scope };
  if (s.kind !== IDENT) decline();
  const name = s.tokenText();
  s.next();
  return { kind: REF, name, scope };
}

/**
 * Reads a tuple type `[a: T, b: U]` or `[T, U]` (optionally `readonly`,
 * trailing comma allowed) whose element types are names; the scanner ends
 * after `]`. Declines on mixed labels and on any other element form.
 */
export function readTuple(s: FastScanner): FastElement[] {
  if (s.is("readonly")) {
    s.next();
    if (s.newline) decline();
  }
  s.expect(0x5b);
  const elements: FastElement[] = [];
  let labelled = 0;
  while (s.kind !== 0x5d) {
    let name = s.ident();
    let label: string | undefined;
    if (s.kind === 0x3a) {
      // Some reserved words (`in`) are not labels for the compiler; leave them all to it.
      if (!isBindingName(name)) decline();
      s.next();
      label = name;
      labelled++;
      name = s.ident();
    }
    elements.push({ label, name });
    if (s.kind !== 0x2c) break;
    s.next();
  }
  s.expect(0x5d);
  if (labelled !== 0 && labelled !== elements.length) decline();
  return elements;
}

/** True when the current token is a value type's name; the caller reads it with {@link valueTypeAt}. */
export function valueTypeHere(s: FastScanner): ValueType | undefined {
  return s.kind === IDENT ? valueTypeAt(s.text, s.start, s.end) : undefined;
}
