import type { i32, u32 } from "hostbind/types";

/**
 * What the AssemblyScript guest imports from "env". Strings arrive as
 * pointers to AssemblyScript strings: UTF-16LE code units, their byte length
 * in the 4 bytes before the pointer.
 */
export declare namespace env {
  /**
   * Prints an AssemblyScript string.
   * @name console.log
   */
  function console_log(message: u32): void;

  /** `a * b`, computed natively. */
  function add_scaled(a: i32, b: i32): i32;

  /** AssemblyScript's runtime calls this when an assertion fails: traps with the message and the place. */
  function abort(message: u32, fileName: u32, line: u32, column: u32): void;
}

/** Text helpers: strings as UTF-8 both ways, by the component model's canonical ABI. */
export declare namespace text {
  /** `text` with ASCII letters in upper case (the result lands in memory from the guest's `cabi_realloc`). */
  function shout(text: string): string;
}
