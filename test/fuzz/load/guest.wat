;; Calls each import of le.d.ts once per export.
(module
  (import "le" "zero" (func $zero (param i32)))
  (import "le" "one" (func $one (param i32) (result i32)))
  (import "le" "two" (func $two (param i32) (result i32 i64)))
  (import "le" "three" (func $three (result f64)))
  (memory (export "memory") 1)
  (func (export "callZero") (call $zero (i32.const 5)))
  (func (export "callOne") (result i32) (call $one (i32.const 1)))
  (func (export "callTwo") (result i64)
    (local $a i32) (local $b i64)
    (call $two (i32.const 21))
    local.set $b
    local.set $a
    (i64.add (i64.extend_i32_s (local.get $a)) (local.get $b)))
  (func (export "callThree") (result f64) (call $three)))
