;; Guest of the bounds test: forwards probe() and can grow its memory.
(module
  (import "bd" "probe" (func $probe (param i32 i32) (result i64)))
  (import "bd" "size" (func $size (result i64)))
  (memory (export "memory") 1)
  (func (export "probe") (param i32 i32) (result i64) (call $probe (local.get 0) (local.get 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
