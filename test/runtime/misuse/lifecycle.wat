;; Guests for host.instantiate (test/runtime/misuse.test.ts): one exports its memory and
;; imports a JS function beside the served import; one imports its memory and reads its
;; size natively from its start function.
(module
  (import "mx" "size" (func $size (result i32)))
  (import "js" "seven" (func $seven (result i32)))
  (memory (export "mem") 1)
  (func (export "run") (result i32)
    (i32.add (call $size) (call $seven))))
