/**
 * The imports of the c-divmod guest: one with two results, one with one,
 * one with none. hostbind reads this file; nothing imports it at run time.
 */
import type { i32 } from "hostbind/types";

/** Functions the guest imports from "env". */
export declare namespace env {
  /**
   * Integer division truncating toward zero, like C: quotient and remainder.
   * Traps when `b` is 0.
   */
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];

  /** Greatest common divisor of |a| and |b| (0 when both are 0). */
  function gcd(a: i32, b: i32): i32;

  /** Prints a reduced fraction from the native side. */
  function report(num: i32, den: i32): void;
}
