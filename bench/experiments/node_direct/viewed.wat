;; Late-bound guest memory without a table call (bench/experiments/node_direct): the stub
;; asks V8's DataView getUint8 — a "well-known import" V8 compiles inline into the stub —
;; to read byte 0 of a DataView over the guest memory's buffer as bind() last saw it. A
;; grow detaches that buffer, and the read throws: only then the stub calls sync().
(module
  (import "h" "memory" (memory 1 1))
  (import "h" "shim" (func $shim))
  (import "h" "select" (func $select))
  (import "h" "sync" (func $sync))
  (import "h" "raise" (func $raise (param i32)))
  (import "h" "selected" (global $selected (mut i32)))
  (import "h" "getUint8" (func $getu8 (param externref i32) (result i32)))
  (import "h" "view" (global $view (mut externref)))
  (func (export "viewed") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (if (i32.ne (global.get $selected) (i32.const 7)) (then (call $select)))
    (try
      (do (drop (call $getu8 (global.get $view) (i32.const 0))))
      (catch_all (call $sync)))
    (call $shim)
    (if (i32.load offset=28 (i32.const 0)) (then (call $raise (i32.const 3))))
    (i32.load offset=256 (i32.const 0))))
