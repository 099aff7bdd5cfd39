;; A guest that imports its memory and calls a served import from its start function.
(module
  (import "env" "memory" (memory 2))
  (import "mx" "size" (func $size (result i32)))
  (global $seen (export "seen") (mut i32) (i32.const 0))
  (func $init (global.set $seen (call $size)))
  (start $init))
