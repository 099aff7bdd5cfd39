import type { u32 } from "hostbind/types";

/**
 * The host API the C guest imports from module "host": text and bytes cross
 * as (ptr, len) in guest memory by the component model's canonical ABI, and
 * a file's contents come back in memory from the guest's own allocator
 * (its exported cabi_realloc).
 */
export declare namespace host {
  /** Writes a line to the host's log (stdout, prefixed `[host]`). */
  function log(msg: string): void;

  /** The whole file at `path` (relative to the host's working directory); traps when it cannot be read. */
  function read_file(path: string): Uint8Array;

  /** How many lines of `text` contain `word`. */
  function count_lines_with(text: Uint8Array, word: string): u32;
}
