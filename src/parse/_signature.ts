/**
 * Reads a function declaration's parameters and results into the IR,
 * reporting every form a wasm import cannot have: optional, rest, `this`
 * and destructured parameters, initializers, missing annotations, and types
 * that are not value types (see `_types.ts`). Results are `void` or `[]`
 * (none), one value type, or a tuple of value types whose labels name the
 * result fields.
 *
 * @example
 * ```ts
 * import { readParams, readResults } from "./_signature.ts";
 * // For `function divmod(a: i32, b: i32): [quot: i32, rem: i32];` in module env:
 * readParams(cx, fn, scope, "`env.divmod`");  // [{ name: "a", type: "i32" }, { name: "b", type: "i32" }]
 * readResults(cx, fn, scope, "`env.divmod`"); // [{ name: "quot", … labelled: true }, { name: "rem", … }]
 * ```
 * @module
 */
import { Node, type FunctionDeclaration, type ParameterDeclaration, type TypeNode } from "ts-morph";
import type { Param, Result } from "../ir/types.ts";
import { code, type ParseContext } from "./_context.ts";
import type { Scope } from "./_scope.ts";
import { EXPECTED, resolveShape, throughAliases, type Shape } from "./_types.ts";

/** The parameters of `fn`, or `undefined` when any of them was rejected (errors are in `cx`). */
export function readParams(cx: ParseContext, fn: FunctionDeclaration, scope: Scope, owner: string): Param[] | undefined {
  const params: Param[] = [];
  let ok = true;
  for (const p of fn.getParameters()) {
    const param = readParam(cx, p, scope, owner);
    if (param === undefined) ok = false;
    else params.push(param);
  }
  return ok ? params : undefined;
}

function readParam(cx: ParseContext, p: ParameterDeclaration, scope: Scope, owner: string): Param | undefined {
  const nameNode = p.getNameNode();
  if (!Node.isIdentifier(nameNode)) {
    cx.error(nameNode, `Destructured parameter ${code(nameNode.getText())} in ${owner} is not supported: expected a plain name`, "Name the parameter, e.g. `value: i32`.");
    return undefined;
  }
  const name = nameNode.getText();
  if (name === "this") {
    cx.error(p, `\`this\` parameter in ${owner} is not supported: a wasm import has no receiver`, "Remove the `this` parameter; pass a handle as `i32` if the native side needs one.");
    return undefined;
  }
  if (p.isRestParameter()) {
    cx.error(p, `Rest parameter \`...${name}\` in ${owner} is not supported: a wasm import has a fixed number of parameters`, "Declare each parameter separately, or pass a pointer and a count (`ptr: u32, len: u32`) into guest memory.");
    return undefined;
  }
  if (p.hasQuestionToken()) {
    cx.error(p, `Optional parameter \`${name}?\` in ${owner} is not supported: every wasm parameter is always passed`, "Remove the `?`; pass a sentinel value (such as -1) when the argument is absent.");
    return undefined;
  }
  const init = p.getInitializer();
  if (init !== undefined) {
    cx.error(init, `Parameter \`${name}\` in ${owner} has a default value ${code(init.getText())}: declarations cannot have initializers`, "Remove the `= …`; the guest always passes every argument.");
    return undefined;
  }
  const typeNode = p.getTypeNode();
  if (typeNode === undefined) {
    cx.error(nameNode, `Parameter \`${name}\` in ${owner} has no type: expected ${EXPECTED}`, `Annotate it, e.g. \`${name}: i32\`.`);
    return undefined;
  }
  const what = `parameter \`${name}\` of ${owner}`;
  const shape = resolveShape(typeNode, scope);
  if (shape.kind === "value") return { name, type: shape.type };
  if (shape.kind === "void") {
    report(cx, typeNode, what, shape.via, "`void` is only a return type", "Remove the parameter, or give it a value type.");
  } else if (shape.kind === "tuple") {
    report(cx, typeNode, what, shape.via, "a tuple is only allowed as the return type", "Pass each value as its own parameter.");
  } else {
    reportShape(cx, shape, what);
  }
  return undefined;
}

/** The results of `fn`, or `undefined` when they were rejected (errors are in `cx`). */
export function readResults(cx: ParseContext, fn: FunctionDeclaration, scope: Scope, owner: string): Result[] | undefined {
  const typeNode = fn.getReturnTypeNode();
  if (typeNode === undefined) {
    cx.error(fn.getNameNode() ?? fn, `Function ${owner} has no return type: expected \`void\`, ${EXPECTED}, or a tuple of them`, "Annotate the result, e.g. `): void;`, `): i32;` or `): [quot: i32, rem: i32];`.");
    return undefined;
  }
  const shape = resolveShape(typeNode, scope);
  const what = `the result of ${owner}`;
  if (shape.kind === "void") return [];
  if (shape.kind === "value") return [{ name: "f0", type: shape.type, labelled: false }];
  if (shape.kind !== "tuple") {
    reportShape(cx, shape, what);
    return undefined;
  }
  const elements = shape.node.getElements();
  const labelled = elements.filter((e) => Node.isNamedTupleMember(e)).length;
  if (labelled !== 0 && labelled !== elements.length) {
    cx.error(shape.node, `The result tuple of ${owner}${throughAliases(shape.via)} mixes labelled and unlabelled elements`, "Label every element (`[quot: i32, rem: i32]`) or none (`[i32, i32]`).");
    return undefined;
  }
  const results: Result[] = [];
  let ok = true;
  elements.forEach((element, i) => {
    const result = readElement(cx, element, i, shape.scope, owner, shape.via);
    if (result === undefined) ok = false;
    else results.push(result);
  });
  return ok ? results : undefined;
}

function readElement(cx: ParseContext, element: TypeNode, index: number, scope: Scope, owner: string, via: string[]): Result | undefined {
  const what = `result ${index} of ${owner}${throughAliases(via)}`;
  let typeNode: TypeNode = element;
  let label: string | undefined;
  if (Node.isNamedTupleMember(element)) {
    label = element.getName();
    if (element.compilerNode.dotDotDotToken !== undefined) return restElement(cx, element, what);
    if (element.hasQuestionToken()) return optionalElement(cx, element, what);
    typeNode = element.getTypeNode();
  }
  if (Node.isRestTypeNode(typeNode)) return restElement(cx, element, what);
  if (Node.isOptionalTypeNode(typeNode)) return optionalElement(cx, element, what);
  const shape = resolveShape(typeNode, scope);
  if (shape.kind === "value") {
    return label === undefined
      ? { name: `f${index}`, type: shape.type, labelled: false }
      : { name: label, type: shape.type, labelled: true };
  }
  if (shape.kind === "tuple") {
    report(cx, typeNode, what, shape.via, "nested tuples are not supported", "Flatten the results into one tuple, e.g. `[a: i32, b: i32, c: i32]`.");
  } else if (shape.kind === "void") {
    report(cx, typeNode, what, shape.via, `\`void\` cannot be a tuple element; expected ${EXPECTED}`, "Remove the element.");
  } else {
    reportShape(cx, shape, what);
  }
  return undefined;
}

function restElement(cx: ParseContext, element: TypeNode, what: string): undefined {
  cx.error(element, `Rest element ${code(element.getText())} in ${what} is not supported: a wasm function has a fixed number of results`, "List each result, e.g. `[a: i32, b: i32]`.");
  return undefined;
}

function optionalElement(cx: ParseContext, element: TypeNode, what: string): undefined {
  cx.error(element, `Optional element ${code(element.getText())} in ${what} is not supported: a wasm function always returns every result`, "Remove the `?`; return a sentinel value when there is nothing to return.");
  return undefined;
}

/** Reports a shape that is well-formed but not allowed where it appears. */
function report(cx: ParseContext, node: TypeNode, what: string, via: string[], problem: string, hint: string): void {
  cx.error(node, `Unsupported type ${code(node.getText())} for ${what}${throughAliases(via)}: ${problem}`, hint);
}

/** Reports a `bad` shape at the node that is wrong (inside an alias when one was followed). */
function reportShape(cx: ParseContext, shape: Shape, what: string): void {
  if (shape.kind !== "bad") return; // "reported": already said at its declaration
  cx.error(shape.node, `Unsupported type ${shape.found} for ${what}${throughAliases(shape.via)}: ${shape.problem}`, shape.hint);
}
