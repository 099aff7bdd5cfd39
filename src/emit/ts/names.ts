/**
 * Names in the generated TypeScript: property keys for wasm module and
 * import names (quoted when they are not identifiers) and safe local names
 * for parameters (never a reserved word, never one of the runtime's own
 * locals). The symbol rules shared by every output live in `src/ir/names.ts`;
 * this is the JS spelling, used by both TS emitters and `hostbind declare`.
 *
 * @example
 * ```ts
 * import { jsPropertyKey, safeJsName } from "./names.ts";
 * jsPropertyKey("math-lib");          // "\"math-lib\""
 * jsPropertyKey("env");               // "env"
 * safeJsName("default", new Set());   // "default_"
 * ```
 * @module
 */

/**
 * The words that cannot name a binding (function, namespace, parameter) in
 * an ES module: reserved words, strict-mode and module reserved words, and
 * `this`, `arguments`, `eval`. `hostbind declare` renames them.
 *
 * @example
 * ```ts
 * ES_RESERVED_WORDS.has("await"); // true
 * ES_RESERVED_WORDS.has("divmod"); // false
 * ```
 */
export const ES_RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "implements", "interface", "let", "package", "private", "protected", "public",
  "static", "yield", "await", "arguments", "eval",
]);

/** Reserved words of strict-mode ES modules, plus globals a parameter should not shadow. */
export const JS_RESERVED: ReadonlySet<string> = new Set([...ES_RESERVED_WORDS, "undefined", "NaN", "Infinity"]);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `name` as an object-literal or interface key: bare when an identifier, else a string literal.
 *
 * @example
 * ```ts
 * jsPropertyKey("math-lib"); // "\"math-lib\""
 * ```
 */
export function jsPropertyKey(name: string): string {
  // `__proto__: x` (also quoted) sets an object literal's prototype; the computed form makes an own property.
  return name === "__proto__" ? `[${jsString(name)}]` : IDENT.test(name) ? name : jsString(name);
}

/**
 * Access to member `name` of an object, as an expression suffix: `.name`,
 * or `["name"]` for a name that is not an identifier (or is `__proto__`,
 * which a dot would resolve to the prototype).
 *
 * @example
 * ```ts
 * jsMember("env_now"); // ".env_now"
 * jsMember("__proto__"); // "[\"__proto__\"]"
 * ```
 */
export function jsMember(name: string): string {
  return name !== "__proto__" && IDENT.test(name) ? `.${name}` : `[${jsString(name)}]`;
}

/**
 * A JS string literal: JSON's escaping, which is valid JS, with what JSON
 * leaves raw escaped too: DEL, the C1 controls (U+0085, a line break for
 * some tools, among them), U+2028/U+2029 (line breaks for older parsers
 * and every line-based tool) and the bidirectional formatting characters.
 *
 * @example
 * ```ts
 * jsString('a"b'); // "\"a\\\"b\""
 * jsString("a\u2028b"); // "\"a\\u2028b\""
 * ```
 */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A parameter or label name made safe: other characters become `_`, a
 * leading digit gets `_`, and a reserved word or a name in `taken` gets `_`
 * appended until it is free.
 *
 * @example
 * ```ts
 * safeJsName("size", new Set(["size"])); // "size_"
 * ```
 */
export function safeJsName(name: string, taken: { has(name: string): boolean }): string {
  // Nearly every declared name is already a free identifier.
  if (IDENT.test(name) && !JS_RESERVED.has(name) && !taken.has(name)) return name;
  let s = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (s === "" || /^[0-9]/.test(s)) s = `_${s}`;
  while (JS_RESERVED.has(s) || taken.has(s)) s = `${s}_`;
  return s;
}
