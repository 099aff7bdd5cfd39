;; The guest-memory guest: one page of memory with a string in it, the
;; native imports re-exported, and memory.grow exported so main.ts can grow
;; the memory between calls.
(module
  (import "mem" "checksum" (func $checksum (param i32 i32) (result i32)))
  (import "mem" "upcase" (func $upcase (param i32 i32) (result i32)))
  (import "mem" "size" (func $size (result i64)))

  (memory (export "memory") 1)
  (data (i32.const 1024) "hello, wasm!")

  (func (export "checksum") (param $ptr i32) (param $len i32) (result i32)
    (call $checksum (local.get $ptr) (local.get $len)))
  (func (export "upcase") (param $ptr i32) (param $len i32) (result i32)
    (call $upcase (local.get $ptr) (local.get $len)))
  (func (export "host_size") (result i64)
    (call $size))

  ;; grow(pages) -> the previous size in pages, or -1 when memory cannot grow.
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))
)
