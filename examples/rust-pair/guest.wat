;; The rust-pair guest. Both imports return several values of mixed types;
;; libpair (Rust) serves them through the bindings generated from pair.d.ts.
(module
  (import "stats" "sum_mean" (func $sum_mean (param i64 i64) (result i64 f64)))
  (import "geom" "rect" (func $rect (param i32 i32) (result i32 i32 f32)))

  ;; The imports re-exported unchanged, so main.ts sees every result.
  (func (export "sum_mean") (param i64 i64) (result i64 f64)
    (call $sum_mean (local.get 0) (local.get 1)))
  (func (export "rect") (param i32 i32) (result i32 i32 f32)
    (call $rect (local.get 0) (local.get 1)))

  ;; mean_of_means(n): the mean, over k = 1..n, of the mean of 1..k,
  ;; i.e. n calls to stats.sum_mean from a loop in the guest.
  (func (export "mean_of_means") (param $n i64) (result f64)
    (local $k i64) (local $acc f64)
    (local.set $k (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.gt_s (local.get $k) (local.get $n)))
        (call $sum_mean (i64.const 1) (local.get $k))
        (local.set $acc (f64.add (local.get $acc)))
        (drop)
        (local.set $k (i64.add (local.get $k) (i64.const 1)))
        (br $next)))
    (f64.div (local.get $acc) (f64.convert_i64_s (local.get $n))))
)
