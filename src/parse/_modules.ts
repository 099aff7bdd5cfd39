/**
 * The file-level walk (DESIGN §2): every `namespace X { … }` (with or
 * without `declare`/`export`) and every ambient `declare module "name" { … }`
 * is one wasm import module, named exactly as spelled; each function in it
 * is one import. Blocks with the same name merge, as TypeScript merges them.
 * Everything else at the top level or in a module is reported with what to
 * do instead.
 *
 * @example
 * ```ts
 * import { readModules } from "./_modules.ts";
 * // For `declare module "math-lib" { export function hypot(x: f64, y: f64): f64; }`:
 * readModules(cx, sourceFile); // [{ name: "math-lib", functions: [{ name: "hypot", … }], … }]
 * ```
 * @module
 */
import { Node, type FunctionDeclaration, type ModuleDeclaration, type SourceFile, type Statement } from "ts-morph";
import type { ImportFunction, ImportModule } from "../ir/types.ts";
import { code, type ParseContext } from "./_context.ts";
import { declareNames } from "./_declarations.ts";
import { readFunction } from "./_function.ts";
import { readDoc } from "./_jsdoc.ts";
import { Scope } from "./_scope.ts";

/** Reads every import module of the file, in declaration order; errors are collected in `cx`. */
export function readModules(cx: ParseContext, sf: SourceFile): ImportModule[] {
  const top = new Scope();
  const statements = sf.getStatements();
  declareNames(cx, statements, top, "at the top level");
  const modules = new Map<string, ImportModule>();
  for (const st of statements) {
    if (Node.isModuleDeclaration(st)) {
      const mod = readModule(cx, st, top);
      if (mod !== undefined) merge(modules, mod);
    } else {
      checkTopLevel(cx, st);
    }
  }
  return [...modules.values()];
}

/** Adds `mod` to `modules`, appending to an earlier block of the same name. */
function merge(modules: Map<string, ImportModule>, mod: ImportModule): void {
  const earlier = modules.get(mod.name);
  if (earlier === undefined) {
    modules.set(mod.name, mod);
    return;
  }
  earlier.functions.push(...mod.functions);
  earlier.doc = [earlier.doc, mod.doc].filter((d) => d !== "").join("\n\n");
}

function readModule(cx: ParseContext, decl: ModuleDeclaration, top: Scope): ImportModule | undefined {
  const nameNode = decl.getNameNode();
  const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralText() : nameNode.getText();
  const body = decl.compilerNode.body;
  if (decl.getDeclarationKind() === "global") {
    cx.error(nameNode, "`declare global` is not an import module: expected `namespace NAME { … }` or `declare module \"NAME\" { … }`", "Put the functions in a block named after the wasm import module, e.g. `declare namespace env { … }`.");
    return undefined;
  }
  if (body !== undefined && Node.isModuleDeclaration(decl.getBody())) {
    // `namespace a.b { }` is a namespace `b` nested in `a`: not one module name.
    cx.error(nameNode, `Dotted namespace \`${decl.getName()}\` is not supported: each namespace is one wasm import module, and nesting has no wasm meaning`, `If the wasm import module is named "${decl.getName()}", write \`declare module "${decl.getName()}" { … }\`.`);
    return undefined;
  }
  if (body === undefined) {
    cx.error(nameNode, `Module ${code(nameNode.getText())} has no body: expected \`{ function NAME(…): T; … }\``, `Write \`declare module ${nameNode.getText()} { … }\` with the functions the guest imports from it.`);
    return undefined;
  }
  const where = `in module \`${name}\``;
  const doc = readDoc(cx, decl, `module \`${name}\``);
  if (doc.symbol !== undefined || doc.noctx) {
    cx.error(nameNode, `\`@symbol\` and \`@noctx\` on module \`${name}\` are not supported: they apply to one function`, "Move the tag to the JSDoc of each function it is meant for.");
  }
  const scope = new Scope(top);
  const statements = decl.getStatements();
  declareNames(cx, statements, scope, where);
  const functions = readMembers(cx, statements, scope, name);
  return { name, doc: doc.doc, functions, location: cx.locate(nameNode) };
}

/** Reads a module body's functions, reporting overloads and members that are not functions. */
function readMembers(cx: ParseContext, statements: Statement[], scope: Scope, module: string): ImportFunction[] {
  const seen = new Map<string, FunctionDeclaration>();
  const functions: ImportFunction[] = [];
  for (const st of statements) {
    if (!Node.isFunctionDeclaration(st)) {
      checkMember(cx, st, module);
      continue;
    }
    const name = st.getName();
    const first = name === undefined ? undefined : seen.get(name);
    if (first !== undefined) {
      cx.error(st.getNameNode() ?? st, `Function \`${module}.${name}\` is declared twice: overloads are not supported, a wasm import has exactly one signature`, "Give each signature its own name (e.g. `add_i32` and `add_f64`), with `@symbol` if the native names differ.", [
        { node: first.getNameNode() ?? first, message: `the first \`${name}\` is here` },
      ]);
      continue;
    }
    if (name !== undefined) seen.set(name, st);
    const fn = readFunction(cx, st, scope, module);
    if (fn !== undefined) functions.push(fn);
  }
  return functions;
}

/** Statements `declareNames` already handled, fine anywhere. */
function handledElsewhere(st: Statement): boolean {
  return (
    Node.isTypeAliasDeclaration(st) || Node.isImportDeclaration(st) || Node.isInterfaceDeclaration(st) ||
    Node.isClassDeclaration(st) || Node.isEnumDeclaration(st) || Node.isEmptyStatement(st)
  );
}

function checkMember(cx: ParseContext, st: Statement, module: string): void {
  if (handledElsewhere(st)) return;
  if (Node.isModuleDeclaration(st)) {
    const inner = st.getName().replace(/^["']|["']$/g, "");
    cx.error(st.getNameNode(), `Nested namespace \`${inner}\` in module \`${module}\` is not supported: each wasm import module is one top-level block`, `Move it to the top level; if the wasm import module is named "${module}.${inner}", write \`declare module "${module}.${inner}" { … }\`.`);
    return;
  }
  const { what, node } = describe(st);
  cx.error(node, `${what} in module \`${module}\` is not supported: a module may declare only functions and type aliases`, memberHint(st));
}

function checkTopLevel(cx: ParseContext, st: Statement): void {
  if (handledElsewhere(st)) return;
  // `export {}` only marks the file as an ES module; it declares nothing.
  if (Node.isExportDeclaration(st) && !st.hasModuleSpecifier() && st.getNamedExports().length === 0) return;
  if (Node.isFunctionDeclaration(st)) {
    const name = st.getName() ?? "(anonymous)";
    cx.error(st.getNameNode() ?? st, `Function \`${name}\` is outside any module: every import belongs to a wasm import module`, `Put it in a namespace named after the module the guest imports it from, e.g. \`export declare namespace env { function ${name}(…): …; }\`.`);
    return;
  }
  const { what, node } = describe(st);
  cx.error(node, `${what} at the top level is not supported: expected \`namespace NAME { … }\`, \`declare module "NAME" { … }\`, type aliases or imports from "hostbind"`, memberHint(st));
}

/** A short description of a statement for messages, and the node to point at. */
function describe(st: Statement): { what: string; node: Node } {
  if (Node.isVariableStatement(st)) {
    const decl = st.getDeclarations()[0];
    return { what: `Variable ${code(decl?.getName() ?? st.getText())}`, node: decl?.getNameNode() ?? st };
  }
  return { what: `Statement ${code(st.getText())}`, node: st };
}

function memberHint(st: Statement): string {
  return Node.isVariableStatement(st)
    ? "hostbind binds function imports only; remove the variable or declare it as a function."
    : "Remove it; declare each import as `function NAME(…): T;` inside a namespace or module.";
}
