/**
 * IR → declaration file: the inverse of the TypeScript parser. What it
 * prints parses back to the same IR (locations aside): labels, `@symbol`,
 * `@noctx` and docs included. A module named by a plain identifier becomes
 * `export declare namespace NAME { … }`, any other `declare module "NAME"`.
 *
 * Every function import is declared. One whose wasm name is not a
 * TypeScript identifier (`console.log`, `delete`, `syscall/js.valueGet`) gets
 * an identifier made from it and the wasm name in `@name`:
 * `/** @name console.log *\/ function console_log(p0: i32): void;`.
 *
 * @example
 * ```ts
 * import { printDeclarations } from "./print.ts";
 * import { readWasm } from "../parse/mod.ts";
 * import { readFileSync } from "node:fs";
 * const decls = readWasm(readFileSync("guest.wasm"), "guest.wasm");
 * printDeclarations(decls);
 * // import type { i32 } from "hostbind/types";
 * //
 * // export declare namespace env {
 * //   function divmod(p0: i32, p1: i32): [i32, i32];
 * // }
 * ```
 * @module
 */
import { SourceWriter } from "../emit/writer.ts";
import type { Declarations, GuestExport, ImportFunction, ImportModule, Result } from "../ir/types.ts";
import { declaredTypeName } from "../ir/lower.ts";
import { VALUE_TYPES } from "../ir/types.ts";
import { unservedSummary } from "./unserved.ts";
import { ES_RESERVED_WORDS, jsString } from "../emit/ts/names.ts";

/** Words that cannot name a function or namespace in an ES module (strict mode, `await` included). */
const RESERVED = ES_RESERVED_WORDS;

const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/** True when `name` can be written as a function or namespace name in a declaration file. */
export function isDeclarableName(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** Options of {@link printDeclarations}. */
export interface PrintOptions {
  /**
   * Comment lines written at the top of the file, each prefixed with `// `.
   * @default none
   */
  header?: readonly string[];
  /**
   * Where the `import type` line takes the value types from: the package's
   * `types` entry as the user's runtime resolves it.
   * @default "hostbind/types" (Node and Bun, and Deno with a package.json);
   * `"npm:hostbind/types"` for Deno without one
   */
  typesFrom?: string;
}

/** The specifier of hostbind's value types that `declare` writes unless told otherwise. */
export const DEFAULT_TYPES_SPECIFIER = "hostbind/types";

/** Prints `decls` as a declaration file that `parseDeclarations` reads back to the same IR. */
export function printDeclarations(decls: Declarations, options: PrintOptions = {}): string {
  const w = new SourceWriter();
  for (const l of options.header ?? []) w.line(l === "" ? "//" : `// ${l}`);
  const used = usedTypes(decls);
  if (used.length > 0) {
    w.blank();
    w.line(`import type { ${used.join(", ")} } from ${jsString(options.typesFrom ?? DEFAULT_TYPES_SPECIFIER)};`);
  }
  for (const m of decls.modules) {
    w.blank();
    printModule(w, m);
  }
  printGuestExports(w, decls.guestExports ?? []);
  return w.toString();
}

/** The `@exports` namespaces, one block per namespace in order of first appearance. */
function printGuestExports(w: SourceWriter, exports: readonly GuestExport[]): void {
  const namespaces = [...new Set(exports.map((e) => e.namespace))];
  for (const ns of namespaces) {
    w.blank();
    w.line("/** @exports */");
    w.line(`export declare namespace ${ns} {`);
    w.indented(() => {
      for (const e of exports.filter((x) => x.namespace === ns)) {
        const tags = [...(e.symbolExplicit ? [`@symbol ${e.symbol}`] : []), ...(e.allocator ? ["@allocator"] : [])];
        printDoc(w, e.doc, tags);
        w.line(`function ${e.name}(${e.params.map((p) => `${p.name}: ${p.type}`).join(", ")}): ${resultText(e.results)};`);
      }
    });
    w.line("}");
  }
}

/** The value types `decls` uses, sorted by name for the `import type` line. */
function usedTypes(decls: Declarations): string[] {
  const used = new Set<string>();
  for (const fn of [...decls.modules.flatMap((m) => m.functions), ...(decls.guestExports ?? [])]) {
    for (const v of [...fn.params, ...fn.results]) used.add(v.type);
  }
  return VALUE_TYPES.filter((t) => used.has(t)).sort();
}

function printModule(w: SourceWriter, m: ImportModule): void {
  printDoc(w, m.doc, []);
  // A value type's name as a namespace would shadow the imported type.
  const asNamespace = isDeclarableName(m.name) && !(VALUE_TYPES as readonly string[]).includes(m.name);
  w.line(asNamespace ? `export declare namespace ${m.name} {` : `declare module ${jsString(m.name)} {`);
  const prefix = asNamespace ? "" : "export ";
  // Identifiers already used in this block: the declarable names first, so a made-up one never takes them.
  const taken = new Set(m.functions.filter((fn) => isDeclarableName(fn.name)).map((fn) => fn.name));
  w.indented(() => {
    m.functions.forEach((fn, i) => {
      if (i > 0 && (fn.doc !== "" || m.functions[i - 1]!.doc !== "" || !isDeclarableName(fn.name))) w.blank();
      printFunction(w, fn, prefix, taken);
    });
  });
  w.line("}");
}

function printFunction(w: SourceWriter, fn: ImportFunction, prefix: string, taken: Set<string>): void {
  const params = fn.params.map((p) => `${p.name}: ${declaredTypeName(p.type)}`).join(", ");
  const signature = `(${params}): ${fn.async ? `Promise<${resultText(fn.results)}>` : resultText(fn.results)}`;
  const tags: string[] = [];
  let identifier = fn.name;
  if (!isDeclarableName(fn.name)) {
    identifier = identifierFor(fn.name, taken);
    taken.add(identifier);
    tags.push(`@name ${nameTagText(fn.name)}`);
  }
  if (fn.symbolExplicit) tags.push(`@symbol ${fn.symbol}`);
  if (fn.noctx) tags.push("@noctx");
  printDoc(w, fn.doc, tags);
  w.line(`${prefix}function ${identifier}${signature};`);
}

/**
 * A TypeScript identifier for a wasm name that is not one: other characters
 * become `_`, a leading digit gets `_`, a reserved word `_` after it, and a
 * number follows when the result is taken in the block.
 */
function identifierFor(name: string, taken: ReadonlySet<string>): string {
  let id = name.replace(/[^\p{ID_Continue}$]/gu, "_");
  if (id === "" || !/^[\p{ID_Start}_$]/u.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}_${n}`)) return `${id}_${n}`;
}

/**
 * The wasm name as `@name` takes it: as it is when it is printable ASCII
 * without spaces that JSDoc reads unchanged, else as a JSON string with
 * everything but printable ASCII escaped, so no character can end the
 * comment or the line.
 */
function nameTagText(name: string): string {
  if (/^[\x21-\x7e]+$/.test(name) && !name.includes("@") && !name.startsWith('"') && !name.includes("*/")) return name;
  return JSON.stringify(name)
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\*\//g, "*\\/")
    // Every `@` escaped: ` @x` would start a new tag and `{@` an inline one, even inside the quotes.
    .replace(/@/g, "\\u0040");
}

/** `void`, `T`, `[T, U]`, or with labels `[quot: T, rem: U]` (a labelled single result stays a tuple). */
function resultText(results: readonly Result[]): string {
  if (results.length === 0) return "void";
  const labelled = results.some((r) => r.labelled);
  if (results.length === 1 && !labelled) return declaredTypeName(results[0]!.type);
  return `[${results.map((r) => (labelled ? `${r.name}: ${r.type}` : r.type)).join(", ")}]`;
}

function printDoc(w: SourceWriter, doc: string, tags: readonly string[]): void {
  const text = [doc, ...tags].filter((t) => t !== "").join("\n");
  if (text === "") return;
  const lines = text.split("\n");
  if (lines.length === 1) {
    w.line(`/** ${lines[0]!.replace(/\*\//g, "* /")} */`);
    return;
  }
  w.docComment(text, "jsdoc");
}

/**
 * What a printed file leaves to the host application, one sentence each, for
 * the CLI to warn about: the non-function imports it must provide itself.
 */
export function declarationWarnings(decls: Declarations): string[] {
  const summary = unservedSummary(decls);
  return summary === undefined ? [] : [`${summary}; the host application provides them (each is listed in the file's comment)`];
}
