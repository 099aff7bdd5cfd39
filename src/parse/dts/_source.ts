/**
 * Turns declaration text into a TypeScript syntax tree, with no disk access,
 * no standard library and no Program: hostbind reads declarations
 * syntactically (value types by name, aliases by lookup in the same file),
 * so it needs no type checker. The compiler API comes from ts-morph's `ts`
 * export; the tree is walked directly (no ts-morph wrappers), which keeps a
 * parse of 10⁴ imports below the cost of a ts-morph `createSourceFile`.
 *
 * @example
 * ```ts
 * import { loadSource } from "./_source.ts";
 * const sf = loadSource("export declare namespace env { function now(): f64; }", "env.d.ts");
 * sf.statements.length; // 1
 * ```
 * @module
 */
import { ts } from "ts-morph";
import { HostbindError } from "../../errors.ts";
import { lineAndColumn } from "./_context.ts";

/** Open brackets `( [ { <` a file may nest: far beyond any declaration, well within the parser's stack. */
const MAX_DEPTH = 500;

/**
 * The offset of the first bracket that opens more than {@link MAX_DEPTH}
 * levels deep (outside comments and string literals), or `undefined`. The
 * compiler's parser recurses per level and would overflow the stack on
 * tens of thousands of them, so such a file is refused before it is parsed.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{" || c === "<") {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ")" || c === "]" || c === "}" || c === ">") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** 1-based line and column (UTF-16 units) of `offset` in `text`. */
function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return { line: (before.match(/\r\n|[\n\r\u2028\u2029]/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

/** The in-memory path the input is parsed under (a declaration file, so bodies are not expected). */
const VIRTUAL_PATH = "/hostbind-input.d.ts";

/**
 * Parses `source` and throws a located {@link HostbindError} for its first
 * syntax error. Only the first is reported: after one syntax error the
 * TypeScript parser's recovery usually produces follow-on errors that point
 * away from the real mistake.
 */
export function loadSource(source: string, file: string): ts.SourceFile {
  const deep = tooDeep(source);
  if (deep !== undefined) {
    const { line, column } = offsetToLineColumn(source, deep);
    throw new HostbindError(`Declarations nest too deeply: more than ${MAX_DEPTH} open brackets at once`, {
      location: { file, line, column },
      hint: "Declare the type with fewer nested parentheses, tuples or braces; value types and tuples of them need only a few.",
    });
  }
  // Parent pointers are not needed: the walk goes top-down and every
  // position lookup is given the source file. JSDoc is parsed (the default):
  // descriptions, `@symbol` and `@noctx` are read from the compiler's nodes.
  const sf = ts.createSourceFile(VIRTUAL_PATH, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const first = syntaxErrors(sf)[0];
  if (first !== undefined) {
    const { line, column } = lineAndColumn(sf, first.start ?? 0);
    const text = ts.flattenDiagnosticMessageText(first.messageText, " ");
    throw new HostbindError(`Syntax error: ${text}`, {
      location: { file, line, column },
      hint: "Fix the TypeScript syntax; hostbind reads the file as a TypeScript declaration file.",
    });
  }
  return sf;
}

/**
 * The syntax errors of `sf`. For a `.ts`/`.d.ts` file a Program's
 * `getSyntacticDiagnostics` returns exactly the parser's own diagnostics (it
 * adds more only for JS files), so they are read from the source file and no
 * Program is built: creating one cost about as much as the parse itself.
 * `parseDiagnostics` is internal to the compiler API; should a TypeScript
 * version drop it, a Program over this one file is the (slower) fallback.
 */
function syntaxErrors(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  const own = (sf as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (own !== undefined) return own;
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === sf.fileName ? sf : undefined),
    fileExists: (name) => name === sf.fileName,
    readFile: () => undefined,
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
  const program = ts.createProgram([sf.fileName], { noLib: true, types: [], noResolve: true }, host);
  return program.getSyntacticDiagnostics(sf);
}
