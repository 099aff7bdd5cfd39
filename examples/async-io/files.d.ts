import type { i32, u32 } from "hostbind/types";

/** A file API whose reads block: the guest waits, the JS thread does not. */
export declare namespace fs {
  /**
   * Reads up to `cap` bytes of the file at `path` into guest memory at `buf`:
   * the length read, or -1 when the file cannot be opened. Async: the native
   * function runs off the JS thread while the guest is suspended.
   */
  function read(path: string, buf: u32, cap: u32): Promise<i32>;
  /** Prints a line about a file the guest read (synchronous). */
  function report(path: string, bytes: i32, lines: u32, words: u32): void;
}
