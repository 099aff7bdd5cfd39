/**
 * The non-function statements a file or module body may contain, read in a
 * first pass so that functions can use type aliases declared after them:
 * type aliases (recorded in the scope), imports from hostbind (recorded as
 * value-type names), and interfaces, classes and enums (reported, and
 * remembered as rejected so their uses add no second error).
 * @module
 */
import { ts } from "ts-morph";
import type { ParseContext } from "./_context.ts";
import type { Scope } from "./_scope.ts";
import { isValueType } from "./_types.ts";

/**
 * Module specifiers that provide hostbind's value types (npm, JSR, with or
 * without `/types`): `hostbind`, `npm:hostbind/types`, `jsr:@hostbind/hostbind`, …
 */
const HOSTBIND_SPECIFIER = /^(?:npm:|jsr:)?(?:@hostbind\/)?hostbind(?:@[\w.^~-]+)?(?:\/types)?$/;

/** Declarations that have no meaning for a wasm import, with what to do instead. */
const REJECTED_KINDS: Partial<Record<ts.SyntaxKind, { label: string; hint: string }>> = {
  [ts.SyntaxKind.InterfaceDeclaration]: {
    label: "Interface",
    hint: "Remove the interface; pass structured data as separate parameters or as a pointer (`u32`) into guest memory.",
  },
  [ts.SyntaxKind.ClassDeclaration]: {
    label: "Class",
    hint: "Remove the class; declare functions that take a handle (`i32`) to the native object instead.",
  },
  [ts.SyntaxKind.EnumDeclaration]: {
    label: "Enum",
    hint: "Remove the enum; pass its values as `i32` (or `u32`) and document them in JSDoc.",
  },
};

/**
 * Records the aliases and hostbind imports among `statements` in `scope` and
 * reports interfaces, classes, enums, generic aliases, duplicate aliases and
 * foreign imports. `where` completes messages: "at the top level",
 * "in module `env`".
 */
export function declareNames(cx: ParseContext, statements: readonly ts.Statement[], scope: Scope, where: string): void {
  for (const st of statements) {
    if (ts.isTypeAliasDeclaration(st)) {
      const name = cx.text(st.name);
      const earlier = scope.aliases.get(name);
      const typeParam = st.typeParameters?.[0];
      if (earlier !== undefined) {
        cx.error(st.name, `Type alias \`${name}\` is declared twice ${where}`, "Rename or remove one of them.", [
          { node: earlier.name, message: `the first \`${name}\` is here` },
        ]);
      } else if (typeParam !== undefined) {
        cx.error(typeParam, `Generic type alias \`${name}\` is not supported: a wasm signature has concrete types`, "Remove the type parameters and use value types (i32, u32, i64, u64, f32, f64).");
        scope.rejected.add(name);
      } else {
        scope.aliases.set(name, st);
      }
    } else if (ts.isImportDeclaration(st)) {
      declareImport(cx, st, scope);
    } else {
      const rejected = REJECTED_KINDS[st.kind];
      if (rejected === undefined) continue;
      const nameNode = (st as ts.InterfaceDeclaration | ts.EnumDeclaration | ts.ClassDeclaration).name ?? st;
      const name = cx.text(nameNode);
      cx.error(nameNode, `${rejected.label} \`${name}\` ${where} is not supported: hostbind reads only functions, type aliases and \`namespace\`/\`declare module\` blocks`, rejected.hint);
      scope.rejected.add(name);
    }
  }
}

function declareImport(cx: ParseContext, st: ts.ImportDeclaration, scope: Scope): void {
  const specifierNode = st.moduleSpecifier;
  const specifier = ts.isStringLiteral(specifierNode) ? specifierNode.text : cx.text(specifierNode);
  if (!HOSTBIND_SPECIFIER.test(specifier)) {
    cx.error(specifierNode, `Import from \`${specifier}\` is not supported: a declaration file must be self-contained`, 'Declare the types in this file, or import only the value types from "hostbind".');
    return;
  }
  const bindings = st.importClause?.namedBindings;
  if (bindings === undefined) return;
  if (ts.isNamespaceImport(bindings)) {
    scope.hostbindNamespaces.add(cx.text(bindings.name));
    return;
  }
  for (const spec of bindings.elements) {
    // `i32 as Int`: propertyName is the imported name, name the local one.
    const importedNode = spec.propertyName ?? spec.name;
    const imported = ts.isStringLiteral(importedNode) ? importedNode.text : cx.text(importedNode);
    const local = cx.text(spec.name);
    // Only renames need recording: value types are recognised by their own names anyway.
    if (isValueType(imported) && local !== imported) scope.valueNames.set(local, imported);
  }
}
