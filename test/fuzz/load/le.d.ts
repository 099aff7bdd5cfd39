import type { f64, i32, i64 } from "hostbind/types";

/** Imports for the load-time failure tests (test/load_errors.test.ts): none, one and two results. */
export declare namespace le {
  function zero(x: i32): void;
  function one(x: i32): i32;
  function two(x: i32): [i32, i64];
  function three(): f64;
}
