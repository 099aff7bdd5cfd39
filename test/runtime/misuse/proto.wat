;; A guest importing names that are Object.prototype members (test/runtime/misuse.test.ts).
(module
  (import "__proto__" "__proto__" (func $inc (param i32) (result i32)))
  (import "__proto__" "constructor" (func $pair (param i32) (result i32 i32)))
  (import "env" "twice" (func $twice (param i64) (result i64)))
  (func (export "run") (param i32) (result i32 i32 i32 i64)
    (call $inc (local.get 0))
    (call $pair (local.get 0))
    (call $twice (i64.extend_i32_s (local.get 0)))))
