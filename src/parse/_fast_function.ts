/**
 * One function declaration on the fast path (`_fast.ts`):
 * `function NAME(a: T, …): R;` with value-type or alias parameters and a
 * `void`, value-type, alias or tuple result → one {@link ImportFunction},
 * exactly as `_function.ts` and `_signature.ts` build it. Type names that
 * are not value types may name aliases declared later in the file, so they
 * are recorded as {@link Pending} and resolved once the file is read.
 *
 * @example
 * ```ts
 * import { readFastFunction, resolvePending } from "./_fast_function.ts";
 * // At `function divmod(a: i32, b: i32): [quot: i32, rem: i32];` in module env:
 * const fn = readFastFunction(cx, block, docPos, hasDoc);
 * fn.results.map((r) => r.name); // ["quot", "rem"]
 * resolvePending(cx.pending);    // fills in alias types at the end of the file
 * ```
 * @module
 */
import type { ImportFunction, Param, Result, ValueType } from "../ir/types.ts";
import { fastDoc, NO_DOC } from "./_fast_doc.ts";
import type { LineCursor } from "./_fast_lines.ts";
import { isBindingName } from "./_fast_names.ts";
import { decline, type FastScanner, IDENT } from "./_fast_scan.ts";
import { type FastElement, type FastScope, readTuple, resolveName, resolveValue, valueTypeHere } from "./_fast_types.ts";
import { isValueType } from "./_types.ts";

/** A type name to resolve at the end of the file: a parameter's type, or a function's whole result list. */
export type Pending =
  | { param: Param; name: string; scope: FastScope }
  | { fn: ImportFunction; name: string | undefined; elements: FastElement[] | undefined; scope: FastScope };

/** What reading a function needs from the file-level reader. */
export interface FastContext {
  readonly s: FastScanner;
  readonly lines: LineCursor;
  readonly pending: Pending[];
}

/** The module block a function is read in. */
export interface FastBlock {
  /** The wasm import module name. */
  readonly module: string;
  /** The block's type names. */
  readonly scope: FastScope;
  /** Function names already declared in this block. */
  readonly seen: Set<string>;
  /**
   * `defaultSymbol(module, "")`: a default symbol is this plus the function
   * name with `$` (the one identifier character C lacks) replaced by `_`,
   * as `defaultSymbol` replaces each character on its own.
   */
  readonly symbolPrefix: string;
}

/** `[]` for a result list still to be resolved (replaced, never mutated). */
const UNRESOLVED: Result[] = [];

/**
 * Reads the function declaration at the scanner (at `function`) in
 * `block`.
 * `docPos` is where the statement's leading trivia starts, `hasDoc` whether
 * it holds a block comment.
 */
export function readFastFunction(cx: FastContext, block: FastBlock, docPos: number, hasDoc: boolean): ImportFunction {
  const { module, scope, seen } = block;
  const s = cx.s;
  s.next();
  if (s.kind !== IDENT) decline();
  const nameStart = s.start;
  const name = s.tokenText();
  // A second function of that name in the block is an overload: an error on the slow path.
  if (!isBindingName(name) || seen.has(name)) decline();
  seen.add(name);
  s.next();
  s.expect(0x28);
  const params = readParams(cx, scope);
  s.expect(0x3a);
  let results = UNRESOLVED;
  let laterName: string | undefined;
  let laterElements: FastElement[] | undefined;
  const value = valueTypeHere(s);
  if (value !== undefined) {
    results = [{ name: "f0", type: value, labelled: false }];
    s.next();
  } else if (s.is("void")) {
    results = [];
    s.next();
  } else if (s.kind === 0x5b || s.is("readonly")) {
    const elements = readTuple(s);
    results = valueElements(elements) ?? UNRESOLVED;
    if (results === UNRESOLVED) laterElements = elements;
  } else {
    laterName = s.ident();
  }
  s.semicolon();
  const doc = hasDoc ? fastDoc(s.text, docPos) : NO_DOC;
  const fn: ImportFunction = {
    module,
    name,
    symbol: doc.symbol ?? block.symbolPrefix + (name.includes("$") ? name.replaceAll("$", "_") : name),
    symbolExplicit: doc.symbol !== undefined,
    params,
    results,
    noctx: doc.noctx,
    doc: doc.doc,
    location: cx.lines.locate(nameStart),
  };
  if (results === UNRESOLVED) cx.pending.push({ fn, name: laterName, elements: laterElements, scope });
  return fn;
}

/** Reads `a: T, b: U)` up to (not past) the `)`; a trailing comma is allowed. */
function readParams(cx: FastContext, scope: FastScope): Param[] {
  const s = cx.s;
  const params: Param[] = [];
  while (s.kind !== 0x29) {
    const name = s.ident();
    if (!isBindingName(name)) decline();
    s.expect(0x3a);
    const value = valueTypeHere(s);
    if (value !== undefined) {
      params.push({ name, type: value });
      s.next();
    } else {
      // Resolved at the end of the file; the type is a placeholder until then.
      const param: Param = { name, type: "i32" };
      cx.pending.push({ param, name: s.ident(), scope });
      params.push(param);
    }
    if (s.kind !== 0x2c) break;
    s.next();
  }
  s.expect(0x29);
  return params;
}

/** The results of a tuple whose elements are all value types by name; `undefined` when one is not. */
function valueElements(elements: readonly FastElement[]): Result[] | undefined {
  const results: Result[] = [];
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (!isValueType(e.name)) return undefined;
    results.push(result(e, i, e.name));
  }
  return results;
}

function result(e: FastElement, index: number, type: ValueType): Result {
  return e.label === undefined ? { name: `f${index}`, type, labelled: false } : { name: e.label, type, labelled: true };
}

/** Resolves every recorded type name, now that every scope is complete; declines as the slow path would report. */
export function resolvePending(pending: readonly Pending[]): void {
  for (const p of pending) {
    if ("param" in p) {
      p.param.type = resolveValue(p.name, p.scope);
      continue;
    }
    let elements = p.elements;
    let scope = p.scope;
    if (p.name !== undefined) {
      const r = resolveName(p.name, p.scope, 0);
      if (r === "void") {
        p.fn.results = [];
        continue;
      }
      if (typeof r === "string") {
        p.fn.results = [{ name: "f0", type: r, labelled: false }];
        continue;
      }
      elements = r.elements;
      scope = r.scope;
    }
    const results: Result[] = [];
    for (let i = 0; i < elements!.length; i++) results.push(result(elements![i]!, i, resolveValue(elements![i]!.name, scope)));
    p.fn.results = results;
  }
}
