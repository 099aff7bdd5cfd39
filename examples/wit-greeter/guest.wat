;; A guest for greeter.wit, written by hand with the canonical ABI that
;; wit-bindgen uses: string parameters as (ptr, len), string results through
;; a return area, and cabi_realloc for the memory the host fills.
(module
  (import "host" "name" (func $name (param i32)))
  (import "host" "print" (func $print (param i32 i32)))
  (import "host" "rot13" (func $rot13 (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "hello from a guest written against greeter.wit")
  (global $bump (mut i32) (i32.const 1024))
  ;; The canonical ABI's realloc, as a bump allocator (this guest never frees).
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $bump (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func $letter (param $c i32) (param $base i32) (param $by i32) (result i32)
    (i32.add (local.get $base)
      (i32.rem_u (i32.add (i32.sub (local.get $c) (local.get $base)) (local.get $by)) (i32.const 26))))
  (func (export "shift") (param $c i32) (param $by i32) (result i32)
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
      (then (return (call $letter (local.get $c) (i32.const 97) (local.get $by)))))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 65)) (i32.le_u (local.get $c) (i32.const 90)))
      (then (return (call $letter (local.get $c) (i32.const 65) (local.get $by)))))
    (local.get $c))
  (func (export "run")
    (call $print (i32.const 64) (i32.const 46))
    ;; name() -> string: the host writes (ptr, len) at 0.
    (call $name (i32.const 0))
    (call $print (i32.load (i32.const 0)) (i32.load (i32.const 4)))
    ;; rot13(name) -> string: (ptr, len) at 8.
    (call $rot13 (i32.load (i32.const 0)) (i32.load (i32.const 4)) (i32.const 8))
    (call $print (i32.load (i32.const 8)) (i32.load (i32.const 12)))))
