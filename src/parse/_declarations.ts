/**
 * The non-function statements a file or module body may contain, read in a
 * first pass so that functions can use type aliases declared after them:
 * type aliases (recorded in the scope), imports from hostbind (recorded as
 * value-type names), and interfaces, classes and enums (reported, and
 * remembered as rejected so their uses add no second error).
 *
 * @example
 * ```ts
 * import { declareNames } from "./_declarations.ts";
 * const scope = new Scope();
 * declareNames(cx, sourceFile.getStatements(), scope, "at the top level");
 * scope.lookup("Pair"); // the alias, if the file declares `type Pair = …`
 * ```
 * @module
 */
import { Node, type ImportDeclaration, type Statement } from "ts-morph";
import type { ParseContext } from "./_context.ts";
import type { Scope } from "./_scope.ts";
import { isValueType } from "./_types.ts";

/** Module specifiers that provide hostbind's value types (npm, JSR, with or without `/types`). */
const HOSTBIND_SPECIFIER = /^(?:npm:|jsr:)?(?:@hostbind\/)?hostbind(?:@[\w.^~-]+)?(?:\/types)?$/;

/** Declarations that have no meaning for a wasm import, with what to do instead. */
const REJECTED_KINDS: Record<string, { label: string; hint: string }> = {
  InterfaceDeclaration: {
    label: "Interface",
    hint: "Remove the interface; pass structured data as separate parameters or as a pointer (`u32`) into guest memory.",
  },
  ClassDeclaration: {
    label: "Class",
    hint: "Remove the class; declare functions that take a handle (`i32`) to the native object instead.",
  },
  EnumDeclaration: {
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
export function declareNames(cx: ParseContext, statements: Statement[], scope: Scope, where: string): void {
  for (const st of statements) {
    if (Node.isTypeAliasDeclaration(st)) {
      const name = st.getName();
      const earlier = scope.aliases.get(name);
      const typeParam = st.getTypeParameters()[0];
      if (earlier !== undefined) {
        cx.error(st.getNameNode(), `Type alias \`${name}\` is declared twice ${where}`, "Rename or remove one of them.", [
          { node: earlier.getNameNode(), message: `the first \`${name}\` is here` },
        ]);
      } else if (typeParam !== undefined) {
        cx.error(typeParam, `Generic type alias \`${name}\` is not supported: a wasm signature has concrete types`, "Remove the type parameters and use value types (i32, u32, i64, u64, f32, f64).");
        scope.rejected.add(name);
      } else {
        scope.aliases.set(name, st);
      }
    } else if (Node.isImportDeclaration(st)) {
      declareImport(cx, st, scope);
    } else {
      const rejected = REJECTED_KINDS[st.getKindName()];
      if (rejected === undefined) continue;
      const nameNode = Node.isInterfaceDeclaration(st) || Node.isEnumDeclaration(st) || Node.isClassDeclaration(st)
        ? (st.getNameNode() ?? st)
        : st;
      const name = nameNode.getText();
      cx.error(nameNode, `${rejected.label} \`${name}\` ${where} is not supported: hostbind reads only functions, type aliases and \`namespace\`/\`declare module\` blocks`, rejected.hint);
      scope.rejected.add(name);
    }
  }
}

function declareImport(cx: ParseContext, st: ImportDeclaration, scope: Scope): void {
  const specifier = st.getModuleSpecifierValue();
  if (!HOSTBIND_SPECIFIER.test(specifier)) {
    cx.error(st.getModuleSpecifier(), `Import from \`${specifier}\` is not supported: a declaration file must be self-contained`, 'Declare the types in this file, or import only the value types from "hostbind".');
    return;
  }
  const ns = st.getNamespaceImport();
  if (ns !== undefined) scope.hostbindNamespaces.add(ns.getText());
  for (const spec of st.getNamedImports()) {
    const imported = spec.getName();
    const local = spec.getAliasNode()?.getText() ?? imported;
    // Only renames need recording: value types are recognised by their own names anyway.
    if (isValueType(imported) && local !== imported) scope.valueNames.set(local, imported);
  }
}
