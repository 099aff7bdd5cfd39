import type { i32, u32 } from "hostbind/types";

/**
 * The host side of `api.wit` (interface `host`), lowered by the component
 * model's canonical ABI: what hostbind serves to the guest in guest.wat.
 */
export declare namespace host {
  /** Remembers the text (read back with `last_len`). */
  function log(msg: string): void;
  /** The text in upper case (ASCII letters). */
  function upper(text: string): string;
  /** The sum of the bytes. */
  function sum(data: Uint8Array): u32;
  /** The bytes twice over. */
  function twice(data: Uint8Array): Uint8Array;
  /** The text handed back as it is: a view into guest memory as the result. */
  function echo(text: string): string;
  /** `count` bytes of `byte` (0..64 KiB+), or a text that is not UTF-8 when `byte` is 255. */
  function fill(byte: u32, count: u32): Uint8Array;
  /** Returns a string result that is not UTF-8. */
  function bad_text(): string;
  /** Hands the result over twice. */
  function twice_set(): string;
  /** Calls the guest's `double` export on n, plus one. */
  function call_double(n: i32): i32;
  /** Calls the guest's `grow` export and returns the memory size it then sees, in pages. */
  function grow_pages(by: i32): u32;
  /** Calls the guest's `boom` export (which traps) and returns 7 if it ever gets back. */
  function call_boom(): i32;
  /** A result of 4 GiB and one byte (calloc'd, never touched): more than the guest can address. */
  function huge(): Uint8Array;
  /** Calls the guest's `nest(n - 1)` (which calls this import again) and adds one: re-entrancy, n deep. */
  function call_nest(n: i32): i32;
  /** The length of the last text `log` got. */
  function last_len(): u32;
}

/** The guest's exports native code calls. @exports */
export declare namespace guest {
  /** Twice x. */
  function double(x: i32): i32;
  /** Grows memory by `pages`; returns the old size in pages. */
  function grow(pages: i32): i32;
  /** Traps (unreachable). */
  function boom(): void;
  /** 0 for n <= 0, else host.call_nest(n) (through the guest's import). */
  function nest(n: i32): i32;
}
