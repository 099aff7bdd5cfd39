/**
 * The declaration parser's fast path: reads the common subset of the
 * declaration format straight from the text in one linear pass, with no
 * syntax tree, and returns exactly the {@link Declarations} the compiler-based
 * path (`_modules.ts` and friends) returns for it — or `undefined` as soon
 * as it meets anything outside that subset or anything the slow path would
 * report, so that `parseDeclarations` falls back to the compiler.
 *
 * The subset: `import [type] { i32, i32 as Int, … } from "hostbind"` (any
 * specifier `_declarations.ts` accepts); `[export] [declare] namespace X {`
 * and `[export] declare module "name" {` blocks (same names merge); in them
 * `[export] function f(a: T, …): R;`; `[export] [declare] type X = …;` at
 * the top level and in blocks (a name, `void`, or a `readonly`-optional
 * tuple of names, labelled or not); `export {}` and `;`; comments anywhere;
 * JSDoc that `_doc_comments.ts` reads as plain. Line ends may be LF or CRLF.
 *
 * @example
 * ```ts
 * import { parseFast } from "./_fast.ts";
 * parseFast("export declare namespace env { function now(): f64; }", "env.d.ts")?.modules[0]?.functions[0]?.name; // "now"
 * parseFast("export declare namespace env { function f(s: string): void; }", "env.d.ts"); // undefined
 * ```
 * @module
 */
import type { Declarations, ImportFunction, ImportModule, ValueType } from "../ir/types.ts";
import { defaultSymbol } from "../ir/names.ts";
import { HOSTBIND_SPECIFIER } from "./_declarations.ts";
import { fastDoc, NO_DOC } from "./_fast_doc.ts";
import { type FastBlock, type FastContext, type Pending, readFastFunction, resolvePending } from "./_fast_function.ts";
import { LineCursor } from "./_fast_lines.ts";
import { isBindingName, isTypeName } from "./_fast_names.ts";
import { DECLINE, decline, EOF, FastScanner, IDENT, STRING } from "./_fast_scan.ts";
import { FastScope, readAliasType } from "./_fast_types.ts";
import { isValueType } from "./_types.ts";

/**
 * The {@link Declarations} of `source`, read without the compiler, or
 * `undefined` when the source is outside the fast path's subset (or would
 * be an error). Never throws.
 *
 * @example
 * ```ts
 * parseFast("declare module \"m\" { export function f(): void; }", "m.d.ts")?.modules[0]?.name; // "m"
 * ```
 */
export function parseFast(source: string, file: string): Declarations | undefined {
  try {
    return parseFastOrThrow(source, file);
  } catch {
    return undefined;
  }
}

/**
 * {@link parseFast} for tests: a decline is `undefined`, but any other
 * exception (a bug in the fast path) propagates instead of hiding as a decline.
 *
 * @example `parseFastStrict("namespace x {}", "x.d.ts")?.modules.length; // 1`
 */
export function parseFastStrict(source: string, file: string): Declarations | undefined {
  try {
    return parseFastOrThrow(source, file);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function parseFastOrThrow(source: string, file: string): Declarations {
  const cx: FastContext = { s: new FastScanner(source), lines: new LineCursor(source, file), pending: [] as Pending[] };
  const top = new FastScope(undefined);
  const modules = new Map<string, ImportModule>();
  const s = cx.s;
  s.next();
  while (s.kind !== EOF) topStatement(cx, top, modules);
  resolvePending(cx.pending);
  return { file, modules: [...modules.values()] };
}

/** One top-level statement: an import, `export {}`, `;`, a type alias, or a module block. */
function topStatement(cx: FastContext, top: FastScope, modules: Map<string, ImportModule>): void {
  const s = cx.s;
  const docPos = s.fullStart;
  const hasDoc = s.comment;
  if (s.kind === 0x3b) return s.next();
  if (s.is("import")) return readImport(s, top);
  if (s.is("export")) {
    s.next();
    if (s.newline) decline();
    if (s.kind === 0x7b) return exportNothing(s);
  }
  let declared = false;
  if (s.is("declare")) {
    declared = true;
    s.next();
    if (s.newline) decline();
  }
  if (s.is("type")) return readAlias(s, top);
  let quoted: boolean;
  if (s.is("namespace")) quoted = false;
  else if (s.is("module") && declared) quoted = true;
  else return decline();
  s.next();
  if (s.newline || s.kind !== (quoted ? STRING : IDENT)) decline();
  const nameStart = s.start;
  const name = quoted ? s.text.substring(s.start + 1, s.end - 1) : s.tokenText();
  if (!quoted && !isBindingName(name)) decline();
  s.next();
  if (s.newline) decline();
  s.expect(0x7b);
  const doc = hasDoc ? fastDoc(s.text, docPos) : NO_DOC;
  // `@symbol` and `@noctx` on a module are errors on the slow path.
  if (doc.symbol !== undefined || doc.noctx) decline();
  const location = cx.lines.locate(nameStart);
  const block = { module: name, scope: new FastScope(top), seen: new Set<string>(), symbolPrefix: defaultSymbol(name, "") };
  const functions = readMembers(cx, block);
  const earlier = modules.get(name);
  if (earlier === undefined) {
    modules.set(name, { name, doc: doc.doc, functions, location });
  } else {
    // Merged as `_modules.ts` merges blocks of the same name.
    earlier.functions.push(...functions);
    earlier.doc = [earlier.doc, doc.doc].filter((d) => d !== "").join("\n\n");
  }
}

/** A module block's statements up to and past its `}`: functions, type aliases, `;`. */
function readMembers(cx: FastContext, block: FastBlock): ImportFunction[] {
  const s = cx.s;
  const functions: ImportFunction[] = [];
  while (s.kind !== 0x7d) {
    const docPos = s.fullStart;
    const hasDoc = s.comment;
    if (s.kind === 0x3b) {
      s.next();
      continue;
    }
    if (s.is("export")) {
      s.next();
      if (s.newline) decline();
    }
    if (s.is("function")) functions.push(readFastFunction(cx, block, docPos, hasDoc));
    else if (s.is("type")) readAlias(s, block.scope);
    else decline();
  }
  s.next();
  return functions;
}

/** `type NAME = T;` (at `type`), recorded in `scope`. */
function readAlias(s: FastScanner, scope: FastScope): void {
  s.next();
  // `type` followed by a line break is not a type alias for the compiler.
  if (s.newline || s.kind !== IDENT) decline();
  const name = s.tokenText();
  s.next();
  s.expect(0x3d);
  scope.declare(name, readAliasType(s, scope));
  s.semicolon();
}

/** `export {}` (at `{`): marks an ES module, declares nothing. */
function exportNothing(s: FastScanner): void {
  s.next();
  s.expect(0x7d);
  if (s.is("from")) decline();
  s.semicolon();
}

/** `import [type] { a, b as C } from "hostbind";` (at `import`): renamed value types go into `scope`. */
function readImport(s: FastScanner, scope: FastScope): void {
  s.next();
  if (s.is("type")) {
    s.next();
    if (s.kind !== 0x7b) decline();
  }
  s.expect(0x7b);
  const renames: [string, ValueType][] = [];
  while (s.kind !== 0x7d) {
    const imported = s.ident();
    // `type` and `as` here are modifiers or odd renames, reserved words are errors; leave them to the compiler.
    if (imported === "type" || imported === "as" || !isBindingName(imported)) decline();
    let local = imported;
    if (s.is("as")) {
      s.next();
      local = s.ident();
      if (!isTypeName(local)) decline();
    }
    if (local !== imported && isValueType(imported)) renames.push([local, imported]);
    if (s.kind !== 0x2c) break;
    s.next();
  }
  s.expect(0x7d);
  if (!s.is("from")) decline();
  s.next();
  if (s.kind !== STRING || !HOSTBIND_SPECIFIER.test(s.text.substring(s.start + 1, s.end - 1))) decline();
  s.next();
  s.semicolon();
  for (const [local, imported] of renames) scope.valueNames.set(local, imported);
}
