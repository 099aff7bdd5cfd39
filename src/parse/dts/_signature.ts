/**
 * Reads a function declaration's parameters and results into the IR,
 * reporting every form a wasm import cannot have: optional, rest, `this`
 * and destructured parameters, initializers, missing annotations, and types
 * that are not value types (see `_types.ts`). Results are `void` or `[]`
 * (none), one value type, or a tuple of value types whose labels name the
 * result fields.
 * @module
 */
import { ts } from "ts-morph";
import { isDataType, type Param, type Result } from "../../ir/types.ts";
import { code, type ParseContext } from "./_context.ts";
import type { Scope } from "./_scope.ts";
import { EXPECTED, resolveShape, throughAliases, type Shape } from "./_types.ts";

/** The parameters of `fn`, or `undefined` when any of them was rejected (errors are in `cx`). */
export function readParams(cx: ParseContext, fn: ts.FunctionDeclaration, scope: Scope, owner: string): Param[] | undefined {
  const params: Param[] = [];
  let ok = true;
  for (const p of fn.parameters) {
    const param = readParam(cx, p, scope, owner);
    if (param === undefined) ok = false;
    else params.push(param);
  }
  return ok ? params : undefined;
}

function readParam(cx: ParseContext, p: ts.ParameterDeclaration, scope: Scope, owner: string): Param | undefined {
  const nameNode = p.name;
  if (!ts.isIdentifier(nameNode)) {
    cx.error(nameNode, `Destructured parameter ${code(cx.text(nameNode))} in ${owner} is not supported: expected a plain name`, "Name the parameter, e.g. `value: i32`.");
    return undefined;
  }
  const name = cx.text(nameNode);
  if (name === "this") {
    cx.error(p, `\`this\` parameter in ${owner} is not supported: a wasm import has no receiver`, "Remove the `this` parameter; pass a handle as `i32` if the native side needs one.");
    return undefined;
  }
  if (p.dotDotDotToken !== undefined) {
    cx.error(p, `Rest parameter \`...${name}\` in ${owner} is not supported: a wasm import has a fixed number of parameters`, "Declare each parameter separately, or pass a pointer and a count (`ptr: u32, len: u32`) into guest memory.");
    return undefined;
  }
  if (p.questionToken !== undefined) {
    cx.error(p, `Optional parameter \`${name}?\` in ${owner} is not supported: every wasm parameter is always passed`, "Remove the `?`; pass a sentinel value (such as -1) when the argument is absent.");
    return undefined;
  }
  const init = p.initializer;
  if (init !== undefined) {
    cx.error(init, `Parameter \`${name}\` in ${owner} has a default value ${code(cx.text(init))}: declarations cannot have initializers`, "Remove the `= …`; the guest always passes every argument.");
    return undefined;
  }
  const typeNode = p.type;
  if (typeNode === undefined) {
    cx.error(nameNode, `Parameter \`${name}\` in ${owner} has no type: expected ${EXPECTED}`, `Annotate it, e.g. \`${name}: i32\`.`);
    return undefined;
  }
  const shape = resolveShape(cx, typeNode, scope);
  if (shape.kind === "value") return { name, type: shape.type };
  // Message text only from here on: built for rejected parameters, not for every one.
  const what = `parameter \`${name}\` of ${owner}`;
  if (shape.kind === "void") {
    report(cx, typeNode, what, shape.via, "`void` is only a return type", "Remove the parameter, or give it a value type.");
  } else if (shape.kind === "tuple") {
    report(cx, typeNode, what, shape.via, "a tuple is only allowed as the return type", "Pass each value as its own parameter.");
  } else {
    reportShape(cx, shape, what);
  }
  return undefined;
}

/**
 * The results of `fn`, and whether they come in a `Promise` (an async
 * import); `undefined` when they were rejected (errors are in `cx`).
 */
export function readResults(cx: ParseContext, fn: ts.FunctionDeclaration, scope: Scope, owner: string): { results: Result[]; async: boolean } | undefined {
  const typeNode = fn.type;
  if (typeNode === undefined) {
    cx.error(fn.name ?? fn, `Function ${owner} has no return type: expected \`void\`, ${EXPECTED}, or a tuple of them`, "Annotate the result, e.g. `): void;`, `): i32;` or `): [quot: i32, rem: i32];`.");
    return undefined;
  }
  const promised = promiseArgument(typeNode);
  const results = readResultType(cx, promised ?? typeNode, scope, owner);
  return results === undefined ? undefined : { results, async: promised !== undefined };
}

/** `T` of a `Promise<T>` result (the global `Promise`, one type argument), else `undefined`. */
function promiseArgument(node: ts.TypeNode): ts.TypeNode | undefined {
  if (!ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName) || node.typeName.text !== "Promise") return undefined;
  return node.typeArguments?.length === 1 ? node.typeArguments[0] : undefined;
}

function readResultType(cx: ParseContext, typeNode: ts.TypeNode, scope: Scope, owner: string): Result[] | undefined {
  const shape = resolveShape(cx, typeNode, scope);
  if (shape.kind === "void") return [];
  if (shape.kind === "value") return [{ name: "f0", type: shape.type, labelled: false }];
  if (shape.kind !== "tuple") {
    reportShape(cx, shape, `the result of ${owner}`);
    return undefined;
  }
  const elements = shape.node.elements;
  // Counted in a loop rather than with filter(): this runs for every tuple result in the file.
  let labelled = 0;
  for (const e of elements) if (ts.isNamedTupleMember(e)) labelled++;
  if (labelled !== 0 && labelled !== elements.length) {
    cx.error(shape.node, `The result tuple of ${owner}${throughAliases(shape.via)} mixes labelled and unlabelled elements`, "Label every element (`[quot: i32, rem: i32]`) or none (`[i32, i32]`).");
    return undefined;
  }
  const results: Result[] = [];
  let ok = true;
  for (let i = 0; i < elements.length; i++) {
    const result = readElement(cx, elements[i]!, i, shape.scope, owner, shape.via);
    if (result === undefined) ok = false;
    else results.push(result);
  }
  return ok ? results : undefined;
}

function readElement(cx: ParseContext, element: ts.TypeNode, index: number, scope: Scope, owner: string, via: readonly string[]): Result | undefined {
  let typeNode: ts.TypeNode = element;
  let label: string | undefined;
  if (ts.isNamedTupleMember(element)) {
    label = cx.text(element.name);
    if (element.dotDotDotToken !== undefined) return restElement(cx, element, elementWhat(index, owner, via));
    if (element.questionToken !== undefined) return optionalElement(cx, element, elementWhat(index, owner, via));
    typeNode = element.type;
  }
  if (ts.isRestTypeNode(typeNode)) return restElement(cx, element, elementWhat(index, owner, via));
  if (ts.isOptionalTypeNode(typeNode)) return optionalElement(cx, element, elementWhat(index, owner, via));
  const shape = resolveShape(cx, typeNode, scope);
  if (shape.kind === "value" && isDataType(shape.type)) {
    report(cx, typeNode, elementWhat(index, owner, via), shape.via, "a `string` or `Uint8Array` result must be the only result (the guest gets it through a return area)", "Return it alone, e.g. `): Uint8Array;`, and report a status through a trap (`hostbind_trap`) or a second import.");
    return undefined;
  }
  if (shape.kind === "value") {
    return label === undefined
      ? { name: `f${index}`, type: shape.type, labelled: false }
      : { name: label, type: shape.type, labelled: true };
  }
  if (shape.kind === "tuple") {
    report(cx, typeNode, elementWhat(index, owner, via), shape.via, "nested tuples are not supported", "Flatten the results into one tuple, e.g. `[a: i32, b: i32, c: i32]`.");
  } else if (shape.kind === "void") {
    report(cx, typeNode, elementWhat(index, owner, via), shape.via, `\`void\` cannot be a tuple element; expected ${EXPECTED}`, "Remove the element.");
  } else {
    reportShape(cx, shape, elementWhat(index, owner, via));
  }
  return undefined;
}

/** A result element's name in messages; built only when one is reported (not for every element). */
function elementWhat(index: number, owner: string, via: readonly string[]): string {
  return `result ${index} of ${owner}${throughAliases(via)}`;
}

function restElement(cx: ParseContext, element: ts.TypeNode, what: string): undefined {
  cx.error(element, `Rest element ${code(cx.text(element))} in ${what} is not supported: a wasm function has a fixed number of results`, "List each result, e.g. `[a: i32, b: i32]`.");
  return undefined;
}

function optionalElement(cx: ParseContext, element: ts.TypeNode, what: string): undefined {
  cx.error(element, `Optional element ${code(cx.text(element))} in ${what} is not supported: a wasm function always returns every result`, "Remove the `?`; return a sentinel value when there is nothing to return.");
  return undefined;
}

/** Reports a shape that is well-formed but not allowed where it appears. */
function report(cx: ParseContext, node: ts.TypeNode, what: string, via: readonly string[], problem: string, hint: string): void {
  cx.error(node, `Unsupported type ${code(cx.text(node))} for ${what}${throughAliases(via)}: ${problem}`, hint);
}

/** Reports a `bad` shape at the node that is wrong (inside an alias when one was followed). */
function reportShape(cx: ParseContext, shape: Shape, what: string): void {
  if (shape.kind !== "bad") return; // "reported": already said at its declaration
  cx.error(shape.node, `Unsupported type ${shape.found} for ${what}${throughAliases(shape.via)}: ${shape.problem}`, shape.hint);
}
