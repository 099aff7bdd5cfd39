/**
 * The one line that sums up what a `.wasm` input imports but hostbind does
 * not serve (its `otherImports`): how many of each kind, and the first few
 * by name. `generate`, `explain` and `declare` all print it, instead of a
 * line per import (a real guest can have hundreds); `declare`'s comment
 * lists each with its full descriptor.
 *
 * @example
 * ```ts
 * import { unservedSummary } from "./unserved.ts";
 * unservedSummary({ file: "g.wasm", modules: [], otherImports: [{ module: "env", name: "memory", kind: "memory" }] });
 * // 'g.wasm also imports 1 thing hostbind does not serve (1 memory): memory "env" "memory"'
 * ```
 * @module
 */
import { watString } from "../emit/wat.ts";
import type { Declarations, OtherImport } from "../ir/types.ts";

/** How a kind is counted: `1 memory`, `2 functions with types native code cannot take`. */
const KIND_WORDS: Readonly<Record<OtherImport["kind"], [string, string]>> = {
  memory: ["memory", "memories"],
  table: ["table", "tables"],
  global: ["global", "globals"],
  tag: ["tag", "tags"],
  function: ["function with types native code cannot take", "functions with types native code cannot take"],
};

/** How many imports the summary names before "and N more". */
const NAMED = 3;

/** The summary sentence, or `undefined` when `decls` imports nothing hostbind leaves out. */
export function unservedSummary(decls: Declarations): string | undefined {
  const others = decls.otherImports ?? [];
  if (others.length === 0) return undefined;
  const counts = (Object.keys(KIND_WORDS) as OtherImport["kind"][])
    .map((kind) => [kind, others.filter((o) => o.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  // WebAssembly text's string escapes: no control character reaches a terminal raw.
  const named = others.slice(0, NAMED).map((o) => `${o.kind} ${watString(o.module)} ${watString(o.name)}`);
  const more = others.length > NAMED ? ` and ${others.length - NAMED} more` : "";
  const n = others.length;
  return `${decls.file} also imports ${n} ${n === 1 ? "thing" : "things"} hostbind does not serve (${counts.join(", ")}): ${named.join(", ")}${more}`;
}
