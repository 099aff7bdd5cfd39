/**
 * The file-level walk (docs/declarations.md): every `namespace X { … }` (with or
 * without `declare`/`export`) and every ambient `declare module "name" { … }`
 * is one wasm import module, named exactly as spelled; each function in it
 * is one import. Blocks with the same name merge, as TypeScript merges them.
 * Everything else at the top level or in a module is reported with what to
 * do instead.
 * @module
 */
import { ts } from "ts-morph";
import type { GuestExport, ImportFunction, ImportModule } from "../../ir/types.ts";
import { code, type ParseContext } from "./_context.ts";
import { declareNames } from "./_declarations.ts";
import { type ReadFunction, readFunction } from "./_function.ts";
import { readDoc } from "./_jsdoc.ts";
import { Scope } from "./_scope.ts";

/**
 * Reads every import module of the file, and the guest exports of its
 * `@exports` namespaces, in declaration order; errors are collected in `cx`.
 */
export function readModules(cx: ParseContext, sf: ts.SourceFile): { modules: ImportModule[]; guestExports: GuestExport[] } {
  const top = new Scope();
  const statements = sf.statements;
  declareNames(cx, statements, top, "at the top level");
  const modules = new Map<string, ImportModule>();
  const guestExports: GuestExport[] = [];
  for (const st of statements) {
    if (ts.isModuleDeclaration(st)) {
      const mod = readModule(cx, st, top);
      if (mod === undefined) continue;
      if ("exports" in mod) guestExports.push(...mod.exports);
      else merge(modules, mod);
    } else {
      checkTopLevel(cx, st);
    }
  }
  return { modules: [...modules.values()], guestExports };
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

/**
 * A module declaration's name as written: `env`, `"math-lib"` (with its
 * quotes), or the dotted `a.b` of `namespace a.b { }`.
 */
function fullName(cx: ParseContext, decl: ts.ModuleDeclaration): string {
  if (ts.isStringLiteral(decl.name)) return cx.text(decl.name);
  const names = [cx.text(decl.name)];
  for (let body = decl.body; body !== undefined && ts.isModuleDeclaration(body); body = body.body) {
    names.push(cx.text(body.name));
  }
  return names.join(".");
}

function readModule(cx: ParseContext, decl: ts.ModuleDeclaration, top: Scope): ImportModule | { exports: GuestExport[] } | undefined {
  const nameNode = decl.name;
  const name = ts.isStringLiteral(nameNode) ? nameNode.text : cx.text(nameNode);
  const body = decl.body;
  if ((decl.flags & ts.NodeFlags.GlobalAugmentation) !== 0) {
    cx.error(nameNode, "`declare global` is not an import module: expected `namespace NAME { … }` or `declare module \"NAME\" { … }`", "Put the functions in a block named after the wasm import module, e.g. `declare namespace env { … }`.");
    return undefined;
  }
  if (body !== undefined && ts.isModuleDeclaration(body)) {
    // `namespace a.b { }` is a namespace `b` nested in `a`: not one module name.
    const dotted = fullName(cx, decl);
    cx.error(nameNode, `Dotted namespace \`${dotted}\` is not supported: each namespace is one wasm import module, and nesting has no wasm meaning`, `If the wasm import module is named "${dotted}", write \`declare module "${dotted}" { … }\`.`);
    return undefined;
  }
  if (body === undefined) {
    cx.error(nameNode, `Module ${code(cx.text(nameNode))} has no body: expected \`{ function NAME(…): T; … }\``, `Write \`declare module ${cx.text(nameNode)} { … }\` with the functions the guest imports from it.`);
    return undefined;
  }
  const where = `in module \`${name}\``;
  const doc = readDoc(cx, decl, `module \`${name}\``);
  if (doc.symbol !== undefined || doc.noctx || doc.name !== undefined || doc.allocator) {
    cx.error(nameNode, `\`@symbol\`, \`@noctx\`, \`@name\` and \`@allocator\` on module \`${name}\` are not supported: they apply to one function`, "Move the tag to the JSDoc of each function it is meant for; a module's wasm name is its string: `declare module \"NAME\" { … }`.");
  }
  const scope = new Scope(top);
  const statements = ts.isModuleBlock(body) ? body.statements : [];
  declareNames(cx, statements, scope, where);
  const read = readMembers(cx, statements, scope, name);
  if (doc.exports) return { exports: read.map((r) => asExport(r.fn, r.allocator)) };
  for (const r of read) {
    if (!r.allocator) continue;
    cx.error(r.nameNode, `\`@allocator\` on import \`${r.fn.module}.${r.fn.name}\`: the allocator is a function the guest exports, not one it imports`, "Declare it in a namespace tagged `@exports`: `/** @exports */ declare namespace guest { /** @allocator */ function malloc(size: u32): u32; }`.");
  }
  return { name, doc: doc.doc, functions: read.map((r) => r.fn), location: cx.locate(nameNode) };
}

/** An `@exports` namespace's function as a guest export (its `module` is the namespace). */
function asExport(fn: ImportFunction, allocator: boolean): GuestExport {
  return {
    namespace: fn.module,
    name: fn.name,
    symbol: fn.symbol,
    symbolExplicit: fn.symbolExplicit,
    params: fn.params,
    results: fn.results,
    allocator,
    doc: fn.doc,
    location: fn.location,
  };
}

/** Reads a module body's functions, reporting overloads and members that are not functions. */
function readMembers(cx: ParseContext, statements: readonly ts.Statement[], scope: Scope, module: string): ReadFunction[] {
  const seen = new Map<string, ts.FunctionDeclaration>();
  const functions: ReadFunction[] = [];
  for (const st of statements) {
    if (!ts.isFunctionDeclaration(st)) {
      checkMember(cx, st, module);
      continue;
    }
    const name = st.name === undefined ? undefined : cx.text(st.name);
    const first = name === undefined ? undefined : seen.get(name);
    if (first !== undefined) {
      cx.error(st.name ?? st, `Function \`${module}.${name}\` is declared twice: overloads are not supported, a wasm import has exactly one signature`, "Give each signature its own name (e.g. `add_i32` and `add_f64`), with `@symbol` if the native names differ.", [
        { node: first.name ?? first, message: `the first \`${name}\` is here` },
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
function handledElsewhere(st: ts.Statement): boolean {
  return (
    ts.isTypeAliasDeclaration(st) || ts.isImportDeclaration(st) || ts.isInterfaceDeclaration(st) ||
    ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) || ts.isEmptyStatement(st)
  );
}

function checkMember(cx: ParseContext, st: ts.Statement, module: string): void {
  if (handledElsewhere(st)) return;
  if (ts.isModuleDeclaration(st)) {
    const inner = fullName(cx, st).replace(/^["']|["']$/g, "");
    cx.error(st.name, `Nested namespace \`${inner}\` in module \`${module}\` is not supported: each wasm import module is one top-level block`, `Move it to the top level; if the wasm import module is named "${module}.${inner}", write \`declare module "${module}.${inner}" { … }\`.`);
    return;
  }
  const { what, node } = describe(cx, st);
  cx.error(node, `${what} in module \`${module}\` is not supported: a module may declare only functions and type aliases`, memberHint(st));
}

function checkTopLevel(cx: ParseContext, st: ts.Statement): void {
  if (handledElsewhere(st)) return;
  // `export {}` only marks the file as an ES module; it declares nothing.
  if (ts.isExportDeclaration(st) && st.moduleSpecifier === undefined && namedExportCount(st) === 0) return;
  if (ts.isFunctionDeclaration(st)) {
    const name = st.name === undefined ? "(anonymous)" : cx.text(st.name);
    cx.error(st.name ?? st, `Function \`${name}\` is outside any module: every import belongs to a wasm import module`, `Put it in a namespace named after the module the guest imports it from, e.g. \`export declare namespace env { function ${name}(…): …; }\`.`);
    return;
  }
  const { what, node } = describe(cx, st);
  cx.error(node, `${what} at the top level is not supported: expected \`namespace NAME { … }\`, \`declare module "NAME" { … }\`, type aliases or imports from "hostbind"`, memberHint(st));
}

/** The number of names in `export { … }` (0 for `export * as ns`, which needs a module specifier anyway). */
function namedExportCount(st: ts.ExportDeclaration): number {
  const clause = st.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) ? clause.elements.length : 0;
}

/** A short description of a statement for messages, and the node to point at. */
function describe(cx: ParseContext, st: ts.Statement): { what: string; node: ts.Node } {
  if (ts.isVariableStatement(st)) {
    const decl = st.declarationList.declarations[0];
    return { what: `Variable ${code(decl === undefined ? cx.text(st) : cx.text(decl.name))}`, node: decl?.name ?? st };
  }
  return { what: `Statement ${code(cx.text(st))}`, node: st };
}

function memberHint(st: ts.Statement): string {
  return ts.isVariableStatement(st)
    ? "hostbind binds function imports only; remove the variable or declare it as a function."
    : "Remove it; declare each import as `function NAME(…): T;` inside a namespace or module.";
}
