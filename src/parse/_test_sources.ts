/**
 * Test inputs for the fast path's differential test (`fast.test.ts`): the
 * declaration sources the parser's own tests use, recovered from their text
 * without editing them. Every expression in a test file that can be
 * evaluated as a constant string — literals, templates, `+`, `[…].join(s)`,
 * and calls of the file's one-parameter arrow functions such as
 * `ns("  function f(): void;")` — is one source.
 *
 * @example
 * ```ts
 * import { sourcesInTestFile } from "./_test_sources.ts";
 * sourcesInTestFile("const ns = (b: string) => `namespace env {\\n${b}\\n}`;\nns(\"function f(): void;\");");
 * // [..., "namespace env {\nfunction f(): void;\n}"]
 * ```
 * @module
 */
import { ts } from "ts-morph";

/** Top-level `const` bindings of a file: strings and one-parameter arrow functions. */
type Env = Map<string, ts.Expression>;

/** Every maximal constant string expression in a TypeScript test file's text. */
export function sourcesInTestFile(text: string): string[] {
  const sf = ts.createSourceFile("t.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const env: Env = new Map();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer !== undefined) env.set(d.name.text, d.initializer);
    }
  }
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const value = ts.isExpression(node) && !ts.isIdentifier(node) ? evaluate(node, env, new Map(), 0) : undefined;
    if (value !== undefined) out.push(value);
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The string `e` evaluates to, or `undefined` when it is not a constant string expression. */
function evaluate(e: ts.Expression, env: Env, locals: Map<string, string>, depth: number): string | undefined {
  if (depth > 20) return undefined;
  const ev = (x: ts.Expression) => evaluate(x, env, locals, depth + 1);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isParenthesizedExpression(e)) return ev(e.expression);
  if (ts.isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) {
      const v = ev(span.expression);
      if (v === undefined) return undefined;
      s += v + span.literal.text;
    }
    return s;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = ev(e.left);
    const r = ev(e.right);
    return l === undefined || r === undefined ? undefined : l + r;
  }
  if (ts.isIdentifier(e)) {
    const local = locals.get(e.text);
    if (local !== undefined) return local;
    const bound = env.get(e.text);
    return bound === undefined ? undefined : evaluate(bound, env, new Map(), depth + 1);
  }
  if (!ts.isCallExpression(e)) return undefined;
  const callee = e.expression;
  // `[a, b].join(sep)`
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === "join" && ts.isArrayLiteralExpression(callee.expression)) {
    const parts = callee.expression.elements.map((x) => ev(x));
    const sep = e.arguments[0] === undefined ? "," : ev(e.arguments[0]);
    return sep === undefined || parts.some((p) => p === undefined) ? undefined : parts.join(sep);
  }
  // `ns(x)` for a top-level `const ns = (p: string) => …`
  if (!ts.isIdentifier(callee)) return undefined;
  const fn = env.get(callee.text);
  if (fn === undefined || !ts.isArrowFunction(fn) || ts.isBlock(fn.body) || fn.parameters.length !== e.arguments.length) return undefined;
  const bound = new Map<string, string>();
  for (let i = 0; i < e.arguments.length; i++) {
    const p = fn.parameters[i]!;
    const v = ev(e.arguments[i]!);
    if (v === undefined || !ts.isIdentifier(p.name)) return undefined;
    bound.set(p.name.text, v);
  }
  return evaluate(fn.body, env, bound, depth + 1);
}
