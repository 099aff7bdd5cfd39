import type { i32, u32 } from "hostbind/types";

/** Async imports under test (test/runtime/async.test.ts). */
export declare namespace aio {
  /** Sleeps `ms` natively; returns `ms * 2`. */
  function sleep(ms: u32): Promise<i32>;
  /** Waits until `n` calls of it run at once (or 5 s pass); the most it saw at once. */
  function gather(n: u32): Promise<u32>;
  /** Quotient and remainder; traps on a zero divisor. */
  function divmod(a: i32, b: i32): Promise<[quot: i32, rem: i32]>;
  /** The length of `text` and its first byte. */
  function peek(text: string): Promise<[len: u32, first: u32]>;
  /** Calls the guest's `ping` export from the async thread: traps (calls into the guest are fenced off). */
  function call_guest(): Promise<i32>;
  /** Returns at once. */
  function nothing(): Promise<void>;
  /** `text` in capitals: a string result, copied aside off the JS thread and handed over on it. */
  function upper(text: string): Promise<string>;
  /** A synchronous import beside them. */
  function add(a: i32, b: i32): i32;
}

/** @exports */
export declare namespace guest {
  function ping(): i32;
  /** The guest's allocator, for `upper`'s result. @allocator */
  function cabi_realloc(old_ptr: u32, old_size: u32, align: u32, new_size: u32): u32;
}
