// expect: Import from `./types` is not supported
// at: 3:26
import type { i32 } from "./types";
declare namespace env {
  function f(a: i32): void;
}
