/**
 * What every step of the parser shares: the input's name, the source file
 * (for turning node positions into 1-based line/column and node text), and
 * the list of errors found so far. Errors are collected rather than thrown
 * so one run reports every mistake in a file, in source order.
 * @module
 */
import { ts } from "ts-morph";
import { HostbindError, throwIfAny } from "../../errors.ts";
import type { SourceLocation } from "../../ir/types.ts";

/** Collects located errors for one input file. */
export class ParseContext {
  /** Errors found so far, in the order they were found. */
  readonly errors: HostbindError[] = [];

  constructor(
    /** The parsed file (positions and text are resolved against it). */
    readonly sourceFile: ts.SourceFile,
    /** The input's path as the user gave it. */
    readonly file: string,
  ) {}

  /** The 1-based location of a node's first non-trivia character (after JSDoc and whitespace), or of an offset. */
  locate(node: ts.Node | number): SourceLocation {
    return this.locateAt(typeof node === "number" ? node : node.getStart(this.sourceFile));
  }

  /** The 1-based location of a character offset in the file. */
  locateAt(pos: number): SourceLocation {
    // Built directly (no spread of a second object): every function and module gets one.
    const { line, character } = ts.getLineAndCharacterOfPosition(this.sourceFile, pos);
    return { file: this.file, line: line + 1, column: character + 1 };
  }

  /** A node's source text, without leading trivia (comments, whitespace). */
  text(node: ts.Node): string {
    return this.sourceFile.text.substring(node.getStart(this.sourceFile), node.end);
  }

  /** Records an error at `node` (or an offset), with a hint saying what to do and optional located notes. */
  error(node: ts.Node | number, message: string, hint: string, related: { node: ts.Node | number; message: string }[] = []): void {
    this.errors.push(
      new HostbindError(message, {
        location: this.locate(node),
        hint,
        related: related.map((r) => ({ location: this.locate(r.node), message: r.message })),
      }),
    );
  }

  /** Throws every collected error, sorted into source order; returns when there are none. */
  throwIfAny(): void {
    if (this.errors.length !== 0) throwIfAny(sortBySource(this.errors));
  }
}

/**
 * The 1-based line and column (in UTF-16 code units, as editors count) of a
 * character offset. Uses the compiler's line map, computed once per file, so
 * each lookup is a binary search (counting newlines from the start of the
 * file on every call made locating every declaration quadratic in the file's
 * size; bench/README.md).
 *
 * @example
 * ```ts
 * import { loadSource } from "./_source.ts";
 * lineAndColumn(loadSource("namespace env {\n  function f(): void;\n}", "env.d.ts"), 18); // { line: 2, column: 3 }
 * ```
 */
export function lineAndColumn(sf: ts.SourceFile, pos: number): { line: number; column: number } {
  const { line, character } = ts.getLineAndCharacterOfPosition(sf, pos);
  return { line: line + 1, column: character + 1 };
}

/** Errors in source order (stable: errors at the same place keep the order they were found in). */
export function sortBySource(errors: HostbindError[]): HostbindError[] {
  const key = (e: HostbindError) => [e.location?.line ?? 0, e.location?.column ?? 0] as const;
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const [al, ac] = key(a.e);
      const [bl, bc] = key(b.e);
      return al - bl || ac - bc || a.i - b.i;
    })
    .map(({ e }) => e);
}

/** Backquotes a name or snippet for a message, shortening long snippets. */
export function code(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `\`${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}\``;
}
