/**
 * The one error type for user mistakes. The CLI prints it as
 * `FILE:LINE:COL: error: MESSAGE` followed by `  help: HINT`, with no stack
 * trace, and exits 1. Anything else that escapes is a bug in hostbind.
 *
 * @example
 * ```ts
 * import { HostbindError } from "./errors.ts";
 * throw new HostbindError("Unsupported type `string` for parameter `s`; expected one of i32 u32 i64 u64 f32 f64", {
 *   location: { file: "env.d.ts", line: 3, column: 17 },
 *   hint: "Pass strings as a (pointer: u32, length: u32) pair into guest memory.",
 * });
 * ```
 * @module
 */
import type { SourceLocation } from "./ir/types.ts";

/** Options of a {@link HostbindError}. */
export interface HostbindErrorOptions {
  /** Where the mistake is; omitted for errors that have no place in a file. */
  location?: SourceLocation;
  /** What to do about it, one sentence. */
  hint?: string;
  /** Further located notes (e.g. the other side of a collision). */
  related?: { location: SourceLocation; message: string }[];
}

/** A mistake in the user's input or invocation, reported without a stack trace. */
export class HostbindError extends Error {
  /** Where the mistake is, when it has a place. */
  readonly location?: SourceLocation;
  /** What to do about it. */
  readonly hint?: string;
  /** Further located notes. */
  readonly related: { location: SourceLocation; message: string }[];

  constructor(message: string, options: HostbindErrorOptions = {}) {
    super(message);
    this.name = "HostbindError";
    this.location = options.location;
    this.hint = options.hint;
    this.related = options.related ?? [];
  }

  /** The error as the CLI prints it: `FILE:LINE:COL: error: …`, then notes and help. */
  format(): string {
    const lines = [`${where(this.location)}error: ${this.message}`];
    for (const r of this.related) lines.push(`${where(r.location)}note: ${r.message}`);
    if (this.hint) lines.push(`  help: ${this.hint}`);
    return lines.join("\n");
  }
}

function where(loc: SourceLocation | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}: ` : "";
}

/** Several user errors found in one pass, reported together. */
export class HostbindErrors extends HostbindError {
  /** The individual errors, in source order. */
  readonly errors: HostbindError[];

  constructor(errors: HostbindError[]) {
    super(errors.map((e) => e.message).join("; "), { location: errors[0]?.location });
    this.name = "HostbindErrors";
    this.errors = errors;
  }

  override format(): string {
    return this.errors.map((e) => e.format()).join("\n");
  }
}

/** Throws the collected errors: one as itself, several as {@link HostbindErrors}. */
export function throwIfAny(errors: HostbindError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new HostbindErrors(errors);
}
