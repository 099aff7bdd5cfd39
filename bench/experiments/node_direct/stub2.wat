;; Every guarantee with the guest memory imported at instantiation (bench/experiments/node_direct):
;; possible only when the memory is known before the guest is instantiated.
(module
  (import "h" "memory" (memory 1 1))
  (import "g" "memory" (memory $g 0))
  (import "h" "shim" (func $shim))
  (import "h" "select" (func $select))
  (import "h" "sync" (func $sync))
  (import "h" "raise" (func $raise (param i32)))
  (import "h" "selected" (global $selected (mut i32)))
  (func (export "add_full") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (if (i32.ne (global.get $selected) (i32.const 7)) (then (call $select)))
    (if (i32.ne (memory.size $g) (i32.load offset=16 (i32.const 0))) (then (call $sync)))
    (call $shim)
    (if (i32.load offset=28 (i32.const 0)) (then (call $raise (i32.const 3))))
    (i32.load offset=256 (i32.const 0)))
)
