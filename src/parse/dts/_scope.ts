/**
 * Which type names a position in the file can see: type aliases declared at
 * the top level or in the enclosing module, local names for hostbind's
 * value types (`import type { i32 as I } from "hostbind"`), and names of
 * declarations that were already rejected (so using a rejected interface
 * does not report a second, less useful "unknown type" error).
 *
 * @example
 * ```ts
 * import { Scope } from "./_scope.ts";
 * const top = new Scope();
 * const inner = new Scope(top);  // a module body sees the top level's aliases
 * inner.lookup("Pair");           // { kind: "alias", decl, scope } when `type Pair = …` is visible
 * ```
 * @module
 */
import type { ts } from "ts-morph";
import type { ValueType } from "../../ir/types.ts";

/** What a type name means at some position. */
export type ScopeEntry =
  | { kind: "alias"; decl: ts.TypeAliasDeclaration; scope: Scope }
  | { kind: "value"; type: ValueType }
  | { kind: "rejected" };

/** Type names visible in the file (top level) or in one module body (with the top level as parent). */
export class Scope {
  /** Type aliases declared directly in this scope. */
  readonly aliases = new Map<string, ts.TypeAliasDeclaration>();
  /** Local names of value types imported from hostbind, e.g. `I` for `i32 as I`. */
  readonly valueNames = new Map<string, ValueType>();
  /** Local names of `import type * as hb from "hostbind"`, for `hb.i32`. */
  readonly hostbindNamespaces = new Set<string>();
  /** Names of declarations already reported as errors (interfaces, classes, enums, generic aliases). */
  readonly rejected = new Set<string>();

  constructor(readonly parent?: Scope) {}

  /** Resolves `name`, innermost scope first; `undefined` when nothing by that name is visible. */
  lookup(name: string): ScopeEntry | undefined {
    if (this.rejected.has(name)) return { kind: "rejected" };
    const type = this.valueNames.get(name);
    if (type !== undefined) return { kind: "value", type };
    const decl = this.aliases.get(name);
    if (decl !== undefined) return { kind: "alias", decl, scope: this };
    return this.parent?.lookup(name);
  }

  /**
   * True when `name` resolves to a rejected declaration: the same answer as
   * `lookup(name)?.kind === "rejected"`, without allocating an entry (asked
   * once for every type reference in the file).
   */
  rejects(name: string): boolean {
    for (let s: Scope | undefined = this; s !== undefined; s = s.parent) {
      if (s.rejected.has(name)) return true;
      if (s.valueNames.has(name) || s.aliases.has(name)) return false;
    }
    return false;
  }

  /** True when `name` is a namespace import of hostbind visible here. */
  isHostbindNamespace(name: string): boolean {
    return this.hostbindNamespaces.has(name) || (this.parent?.isHostbindNamespace(name) ?? false);
  }
}
