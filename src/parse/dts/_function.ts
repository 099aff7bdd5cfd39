/**
 * One function declaration inside a module → one {@link ImportFunction}.
 * Checks what belongs to the function as a whole (a name, no body, no type
 * parameters, not async or a generator) and delegates parameters, results
 * and JSDoc to their own readers.
 * @module
 */
import { ts } from "ts-morph";
import type { ImportFunction } from "../../ir/types.ts";
import { defaultSymbol } from "../../ir/names.ts";
import type { ParseContext } from "./_context.ts";
import { readDoc } from "./_jsdoc.ts";
import type { Scope } from "./_scope.ts";
import { readParams, readResults } from "./_signature.ts";

/** A function as read, with what only the module reader acts on: its `@allocator` tag and its name node. */
export interface ReadFunction {
  fn: ImportFunction;
  allocator: boolean;
  nameNode: ts.Node;
}

/** Reads `fn` as an import of `module`; `undefined` when it was rejected (errors are in `cx`). */
export function readFunction(cx: ParseContext, fn: ts.FunctionDeclaration, scope: Scope, module: string): ReadFunction | undefined {
  const nameNode = fn.name;
  if (nameNode === undefined) {
    cx.error(fn, `Function without a name in module \`${module}\`: every import needs a name`, "Write `function NAME(…): T;` (not `export default function`).");
    return undefined;
  }
  const identifier = nameNode.text;
  const owner = `\`${module}.${identifier}\``;
  if (!wholeFunctionOk(cx, fn, owner)) return undefined;
  const params = readParams(cx, fn, scope, owner);
  const read_ = readResults(cx, fn, scope, owner);
  const doc = readDoc(cx, fn, owner);
  if (params === undefined || read_ === undefined) return undefined;
  const { results, async } = read_;
  // `@name` gives the wasm import name when it is not a TypeScript identifier.
  const name = doc.name ?? identifier;
  const read: ImportFunction = {
    module,
    name,
    symbol: doc.symbol ?? defaultSymbol(module, name),
    symbolExplicit: doc.symbol !== undefined,
    params,
    results,
    noctx: doc.noctx,
    async,
    doc: doc.doc,
    location: cx.locate(nameNode),
  };
  return { fn: read, allocator: doc.allocator, nameNode };
}

/** Checks the function-level forms an import cannot have; false when one was reported. */
function wholeFunctionOk(cx: ParseContext, fn: ts.FunctionDeclaration, owner: string): boolean {
  const name = fn.name ?? fn;
  const typeParam = fn.typeParameters?.[0];
  if (typeParam !== undefined) {
    cx.error(typeParam, `Generic function ${owner} is not supported: a wasm import has one concrete signature`, "Remove the type parameters and use value types (i32, u32, i64, u64, f32, f64).");
    return false;
  }
  if (fn.body !== undefined) {
    cx.error(name, `Function ${owner} has a body: expected a declaration only, \`function NAME(…): T;\``, "Remove the body; the native library implements the function.");
    return false;
  }
  const asyncKeyword = fn.modifiers?.find((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (asyncKeyword !== undefined) {
    cx.error(asyncKeyword, `Async function ${owner} is not supported: wasm imports are synchronous`, "Remove `async` and declare the result type itself.");
    return false;
  }
  if (fn.asteriskToken !== undefined) {
    cx.error(name, `Generator function ${owner} is not supported: expected a plain function declaration`, "Remove the `*`.");
    return false;
  }
  return true;
}
