import type { i64, u32, u64 } from "hostbind/types";

/** Imports for the bounds tests (test/bounds.test.ts). */
export declare namespace bd {
  /**
   * `hostbind_guest_ptr(ctx, offset, len) - ctx->memory`, or -1 when it is
   * NULL; when in bounds and `len > 0`, also writes 0xA5 to the range's last byte.
   */
  function probe(offset: u32, len: u32): i64;
  /** `ctx->memory_size`. */
  function size(): u64;
}
