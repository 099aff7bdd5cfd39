import type { i32, i64 } from "hostbind/types";

/** Names that are Object.prototype members, and symbols that could collide with the stub's own imports. */
declare module "__proto__" {
  /** @symbol memory */
  function __proto__(x: i32): i32;
  /** @symbol proto_pair */
  function constructor(x: i32): [i32, i32];
}

export declare namespace env {
  /** @symbol __proto__ */
  function twice(x: i64): i64;
}
