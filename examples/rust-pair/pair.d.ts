/**
 * The imports of the rust-pair guest, both with several results of mixed
 * types, so the native side fills a result struct through an out-pointer.
 */
import type { f32, f64, i64, u32 } from "hostbind/types";

/** Statistics over integer ranges. */
export declare namespace stats {
  /** Sum and mean of the integers lo..=hi. Traps when lo > hi. */
  function sum_mean(lo: i64, hi: i64): [sum: i64, mean: f64];
}

/** Plane geometry. */
export declare namespace geom {
  /** Area, perimeter and aspect ratio (width / height) of a w×h rectangle. */
  function rect(w: u32, h: u32): [area: u32, perimeter: u32, aspect: f32];
}
