import type { i32, u32 } from "hostbind/types";

/**
 * What the C guest imports from its own module "native"; its WASI imports
 * (wasi_snapshot_preview1) come from the runtime and are excluded when
 * generating (`--exclude-module wasi_snapshot_preview1`, see ../catalog.ts).
 */
export declare namespace native {
  /** Integer division: quotient and remainder (two results, through an out-pointer natively). */
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];

  /** A checksum of `len` bytes of guest memory at `text`, read natively. */
  function checksum(text: u32, len: u32): u32;
}
