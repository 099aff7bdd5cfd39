;; Late-bound guest memory, checked through V8's DataView byteLength getter — a "well-known
;; import" V8 compiles inline into the stub — on a DataView over the guest memory's buffer as
;; bind() last saw it. A grow detaches that buffer (the getter throws: caught) or, for a shared
;; memory, leaves a longer one (the length differs from the size synced last): either way
;; the stub calls sync().
(module
  (import "h" "memory" (memory 1 1))
  (import "h" "shim" (func $shim))
  (import "h" "select" (func $select))
  (import "h" "sync" (func $sync))
  (import "h" "raise" (func $raise (param i32)))
  (import "h" "selected" (global $selected (mut i32)))
  (import "h" "byteLength" (func $length (param externref) (result f64)))
  (import "h" "view" (global $view (mut externref)))
  (func (export "lengthed") (param i32 i32) (result i32)
    (i32.store offset=256 (i32.const 0) (local.get 0))
    (i32.store offset=264 (i32.const 0) (local.get 1))
    (if (i32.ne (global.get $selected) (i32.const 7)) (then (call $select)))
    (try
      (do (if (f64.ne (call $length (global.get $view)) (f64.convert_i32_u (i32.load offset=20 (i32.const 0))))
        (then (call $sync))))
      (catch_all (call $sync)))
    (call $shim)
    (if (i32.load offset=28 (i32.const 0)) (then (call $raise (i32.const 3))))
    (i32.load offset=256 (i32.const 0))))
