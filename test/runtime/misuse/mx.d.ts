import type { i32, i64, u32 } from "hostbind/types";

/** Imports for the misuse tests (test/runtime/misuse.test.ts). */
export declare namespace mx {
  /** ctx->user_data + x: which Host's context served the call (the memory call path on every runtime). */
  function who(x: i64): i64;
  /** ctx->memory_size: whether the bound memory's size is current. */
  function size(): u32;
  /** Writes (n, 10n), then calls the function in ctx->user_data with n - 1 when n > 0 (a nested call); traps when n < 0. */
  function nest(n: i32): [a: i32, b: i32];
  /** Traps with `count` times "é" (2 bytes each): the message is cut inside a UTF-8 sequence. */
  function long_trap(count: i32): void;
}
