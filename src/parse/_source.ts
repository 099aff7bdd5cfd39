/**
 * Turns declaration text into a ts-morph source file, with no disk access and
 * no standard library: hostbind reads declarations syntactically (value types
 * by name, aliases by lookup in the same file), so it needs no type checker,
 * and skipping `lib.d.ts` keeps a parse in the low milliseconds.
 *
 * @example
 * ```ts
 * import { loadSource } from "./_source.ts";
 * const sf = loadSource("export declare namespace env { function now(): f64; }", "env.d.ts");
 * sf.getStatements().length; // 1
 * ```
 * @module
 */
import { Project, ts, type SourceFile } from "ts-morph";
import { HostbindError } from "../errors.ts";
import { lineAndColumn } from "./_context.ts";

/** The in-memory path the input is parsed under (a declaration file, so bodies are not expected). */
const VIRTUAL_PATH = "/hostbind-input.d.ts";

/**
 * Parses `source` and throws a located {@link HostbindError} for its first
 * syntax error. Only the first is reported: after one syntax error the
 * TypeScript parser's recovery usually produces follow-on errors that point
 * away from the real mistake.
 */
export function loadSource(source: string, file: string): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    compilerOptions: { noLib: true, types: [], noResolve: true },
  });
  const sf = project.createSourceFile(VIRTUAL_PATH, source, { overwrite: true });
  const first = syntaxErrors(project, sf)[0];
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
 * version drop it, the Program is the (slower) fallback.
 */
function syntaxErrors(project: Project, sf: SourceFile): readonly ts.Diagnostic[] {
  const own = (sf.compilerNode as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  return own ?? project.getProgram().compilerObject.getSyntacticDiagnostics(sf.compilerNode);
}
