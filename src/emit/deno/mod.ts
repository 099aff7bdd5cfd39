/** Placeholder until the emitter lands. @module */
import type { EmitContext } from "../context.ts";

/** Emits this output for `cx` (not implemented yet). */
export function emitDeno(_cx: EmitContext): string {
  throw new Error("emitDeno: not implemented yet");
}
