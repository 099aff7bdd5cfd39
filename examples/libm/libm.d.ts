/**
 * The imports of the libm guest, served straight by the C math library:
 * `@symbol` names the existing C function, `@noctx` says it takes no
 * hostbind_ctx. No native code of our own.
 */
import type { f32, f64 } from "hostbind/types";

/** Functions the guest imports from "math". */
export declare namespace math {
  /** sqrt(x² + y²) without undue overflow. @symbol hypot @noctx */
  function hypot(x: f64, y: f64): f64;

  /** The real cube root. @symbol cbrt @noctx */
  function cbrt(x: f64): f64;

  /** x raised to the power y. @symbol pow @noctx */
  function pow(x: f64, y: f64): f64;

  /** hypot in single precision. @symbol hypotf @noctx */
  function hypotf(x: f32, y: f32): f32;
}
