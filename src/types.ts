/**
 * The wasm value types a declaration file uses for parameters and results.
 *
 * hostbind recognises these names in declarations whether or not they are
 * imported from here; importing them only gives editors something to resolve.
 * Each is a branded alias of the JS value the binding passes.
 *
 * @example
 * ```ts
 * import type { f64, i32 } from "hostbind/types";
 * export declare namespace env {
 *   function divmod(a: i32, b: i32): [quot: i32, rem: i32];
 *   function now(): f64;
 * }
 * ```
 * @module
 */

/** Signed 32-bit integer: wasm `i32`, C `int32_t`, a JS number. */
export type i32 = number;
/** Unsigned 32-bit integer: wasm `i32`, C `uint32_t`, a JS number 0..2^32-1. */
export type u32 = number;
/** Signed 64-bit integer: wasm `i64`, C `int64_t`, a JS bigint. */
export type i64 = bigint;
/** Unsigned 64-bit integer: wasm `i64`, C `uint64_t`, a JS bigint. */
export type u64 = bigint;
/** 32-bit float: wasm `f32`, C `float`, a JS number. */
export type f32 = number;
/** 64-bit float: wasm `f64`, C `double`, a JS number. */
export type f64 = number;
