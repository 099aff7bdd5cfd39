;; Late-bound guest memory (bench/experiments/node_direct): the stub made at
;; load(), before the guest exists, reads the guest memory's size through a
;; one-entry table that bind() points at a function of a second instance
;; importing that memory.
(module
  (import "h" "memory" (memory 1 1))
  (import "h" "shim" (func $shim))
  (import "h" "select" (func $select))
  (import "h" "sync" (func $sync))
  (import "h" "raise" (func $raise (param i32)))
  (import "h" "selected" (global $selected (mut i32)))
  (type $pages (func (result i32)))
  (table $t (export "probe") 1 funcref)
  (elem (i32.const 0) $nomem)
  (func $nomem (result i32) (i32.const 0))
  ;; Arguments into the block, shim straight from wasm: no check at all (the floor of the design).
  (func (export "bare") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (call $shim)
    (i32.load offset=256 (i32.const 0)))
  ;; Every guarantee: Host selected, guest memory size current (through the table), trap checked.
  (func (export "probed") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (if (i32.ne (global.get $selected) (i32.const 7)) (then (call $select)))
    (if (i32.ne (call_indirect (type $pages) (i32.const 0)) (i32.load offset=16 (i32.const 0))) (then (call $sync)))
    (call $shim)
    (if (i32.load offset=28 (i32.const 0)) (then (call $raise (i32.const 3))))
    (i32.load offset=256 (i32.const 0)))
  ;; Today's shape: the stub stores the arguments and calls a JS wrapper (imported as `select` here).
  (func (export "wrapped") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (call $select)
    (i32.load offset=256 (i32.const 0))))
