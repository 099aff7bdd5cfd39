;; The call stub of experiments/shim_arg: arguments into the block, the JS wrapper, the result from the block.
(module
  (import "h" "memory" (memory 1 1))
  (import "h" "wrapper" (func $wrapper))
  (func (export "add") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (call $wrapper)
    (i32.load offset=256 (i32.const 0))))
