;; The c-divmod guest. Its three imports are served by libdivmod through the
;; bindings hostbind generated from divmod.d.ts.
(module
  (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (import "env" "gcd" (func $gcd (param i32 i32) (result i32)))
  (import "env" "report" (func $report (param i32 i32)))

  ;; divide(a, b) -> (quot, rem): env.divmod's two results, passed straight on.
  (func (export "divide") (param $a i32) (param $b i32) (result i32 i32)
    (call $divmod (local.get $a) (local.get $b)))

  ;; reduce(n, d): reports n/d in lowest terms (env.gcd, then env.report).
  (func (export "reduce") (param $n i32) (param $d i32)
    (local $g i32)
    (local.set $g (call $gcd (local.get $n) (local.get $d)))
    (call $report
      (i32.div_s (local.get $n) (local.get $g))
      (i32.div_s (local.get $d) (local.get $g))))

  ;; digit_sum(n): the sum of n's decimal digits, one env.divmod call per digit.
  (func (export "digit_sum") (param $n i32) (result i32)
    (local $sum i32) (local $digit i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (call $divmod (local.get $n) (i32.const 10))
        (local.set $digit)
        (local.set $n)
        (local.set $sum (i32.add (local.get $sum) (local.get $digit)))
        (br $next)))
    (local.get $sum))
)
