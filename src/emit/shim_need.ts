/**
 * Which runtimes call a header's call shims, said exactly for that header:
 * the header, `NAME.rs` and the `--stubs` skeletons all print this one text,
 * built from the runtimes' memory-path rules (`layout/paths.ts`).
 *
 * @example
 * ```ts
 * import { shimNeed } from "./shim_need.ts";
 * import { layout } from "../layout/mod.ts";
 * import { readDts } from "../parse/mod.ts";
 * shimNeed(layout(readDts("declare namespace env { function f(): i32; function g(a: i64): i64; }", "m.d.ts")));
 * // "Node calls every import through them (2); Bun calls env.g; Deno calls none."
 * ```
 * @module
 */
import type { Layout } from "../layout/mod.ts";
import { hasShim, shimUsers } from "../layout/paths.ts";

/** The runtimes, as the sentence names them. */
const NAMES = { node: "Node", bun: "Bun", deno: "Deno" } as const;

/**
 * One sentence: for each runtime, which imports of `layout` its bindings
 * call through the shims (`MODULE.NAME`, or "every import" when all that
 * have a shim do); the empty string when no import has a shim.
 */
export function shimNeed(layout: Layout): string {
  const all = layout.imports.filter(hasShim).length;
  if (all === 0) return "";
  const users = shimUsers(layout);
  const parts = (["node", "bun", "deno"] as const).map((rt) => {
    const n = users[rt].length;
    const what = n === 0
      ? "none"
      : n === all
      ? `every import${all === layout.imports.length ? "" : " with a context"} through them (${n})`
      : users[rt].map((imp) => `${imp.fn.module}.${imp.fn.name}`).join(", ");
    return `${NAMES[rt]} calls ${what}`;
  });
  return `${parts.join("; ")}.`;
}

/** What the header and NAME.rs say about an async import's native function (docs/abi.md §9). */
export const ASYNC_NOTE = "Async (Promise): runs off the JS thread while the guest waits; it may block, must not call into the guest, and sees guest memory as it was when the call began.";
