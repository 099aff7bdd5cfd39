;; A guest that imports its memory and calls a native import from its start
;; function: bound to that memory before instantiation, native code already
;; sees the data segment there.
(module
  (import "env" "memory" (memory 1))
  (import "env" "mem_sum" (func $sum (param i32 i32) (result i32)))
  (global $seen (mut i32) (i32.const -1))
  (data (i32.const 16) "\01\02\03")
  (func $start (global.set $seen (call $sum (i32.const 16) (i32.const 3))))
  (start $start)
  (func (export "seen") (result i32) (global.get $seen)))
