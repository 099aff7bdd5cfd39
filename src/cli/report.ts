/**
 * How the CLI words a failure, and the exit code it maps to — shared by a
 * normal run, which prints it and exits, and `generate --watch`, which prints
 * it and keeps watching.
 *
 * Exit codes: 0 success; 1 a {@link HostbindError} (bad input, unreadable
 * input, unwritable output), printed as `FILE:LINE:COL: error: …` with its
 * notes and help and no stack trace; 2 a {@link UsageError}; 70 anything
 * else, which is a bug in hostbind and is printed with its stack.
 *
 * @example
 * ```ts
 * import { describeFailure } from "./report.ts";
 * import { UsageError } from "./args.ts";
 * const { code, text } = describeFailure(new UsageError("missing INPUT argument", "generate"));
 * // code 2, text "error: missing INPUT argument\n  help: run `hostbind generate --help` for usage\n"
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { UsageError } from "./args.ts";

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, error: 1, usage: 2, internal: 70 } as const;

/**
 * The exit code for `e` and its text for standard error, ending in a newline.
 *
 * @example
 * ```ts
 * describeFailure(new Error("boom")).code; // 70
 * ```
 */
export function describeFailure(e: unknown): { code: number; text: string } {
  if (e instanceof UsageError) return { code: EXIT.usage, text: `${e.format()}\n` };
  if (e instanceof HostbindError) return { code: EXIT.error, text: `${e.format()}\n` };
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  return { code: EXIT.internal, text: `internal error (a bug in hostbind): ${detail}\n` };
}

/**
 * `text` safe for a terminal: every control character but the line feed and
 * the tab (ESC, BEL, CR, DEL, the C1 controls, which a name in a `.wasm` file
 * may hold) written as `\xHH`, and the bidirectional formatting characters as
 * `\uHHHH`, so no input can move the cursor, recolour or retitle the terminal,
 * or reorder what a message shows. Everything the CLI prints goes
 * through it.
 *
 * @example
 * ```ts
 * terminalSafe("bad name `a\u001b]0;pwned\u0007`\n"); // "bad name `a\\x1b]0;pwned\\x07`\n"
 * ```
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
