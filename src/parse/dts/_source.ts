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

/** The in-memory path the input is parsed under (a declaration file, so bodies are not expected). */
const VIRTUAL_PATH = "/hostbind-input.d.ts";

/**
 * Parses `source` and throws a located {@link HostbindError} for its first
 * syntax error. Only the first is reported: after one syntax error the
 * TypeScript parser's recovery usually produces follow-on errors that point
 * away from the real mistake.
 */
export function loadSource(source: string, file: string): ts.SourceFile {
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
