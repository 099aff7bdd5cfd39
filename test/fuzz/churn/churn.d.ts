import type { f32, f64, i32, i64, u64 } from "hostbind/types";

/** Multi-result imports for the GC churn test (test/churn.test.ts). */
export declare namespace churn {
  /** a = x*3+1, b = (x << 20) ^ 0x5555. */
  function pair(x: i32): [a: i32, b: i64];
  /** y*2, low word of x ^ 7, x * 0x9E3779B97F4A7C15 (wrapping). */
  function triple(x: i64, y: f64): [f64, i32, u64];
  /** x & 0xffff as f32, x + 0.5, ~x, -x. */
  function quad(x: i32): [f32, f64, i32, i64];
}
