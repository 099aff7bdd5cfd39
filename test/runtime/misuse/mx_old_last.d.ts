import type { i32, i64, u32 } from "hostbind/types";

/** mx.d.ts with one more multi-result import at the end: the argument block sits elsewhere. */
export declare namespace mx {
  function who(x: i64): i64;
  function size(): u32;
  function nest(n: i32): [a: i32, b: i32];
  function long_trap(count: i32): void;
  function pair(): [i64, i64];
}
