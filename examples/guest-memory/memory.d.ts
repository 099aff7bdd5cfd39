/**
 * The imports of the guest-memory guest: native functions that take a
 * (pointer, length) pair into the guest's linear memory and reach the bytes
 * through the context.
 */
import type { u32, u64 } from "hostbind/types";

/** Functions over guest memory. */
export declare namespace mem {
  /** Adler-32 checksum of `len` bytes at `ptr`. Traps when the range is out of bounds. */
  function checksum(ptr: u32, len: u32): u32;

  /**
   * Upper-cases the ASCII letters of `len` bytes at `ptr` in place and
   * returns how many it changed. Traps when the range is out of bounds.
   */
  function upcase(ptr: u32, len: u32): u32;

  /** The size of guest memory in bytes, as the native side sees it. */
  function size(): u64;
}
