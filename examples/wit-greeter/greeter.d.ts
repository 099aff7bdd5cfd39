import type { u32 } from "hostbind/types";

/** What the guest imports: interface `host` of greeter.wit. */
export declare namespace host {
  /** The name of the person to greet. */
  function name(): string;
  /** Prints a line. */
  function print(line: string): void;
  /** The text in ROT13, letter by letter through the guest's own `shift`. */
  function rot13(text: string): string;
}

/** What the guest exports and native code calls (greeter.wit's world exports). @exports */
export declare namespace guest {
  /** Shifts an ASCII letter by `by` places in its alphabet; other bytes pass. */
  function shift(c: u32, by: u32): u32;
}
