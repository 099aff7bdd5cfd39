;; The guest of bench/experiments/node_direct: loop(n) calls env.f n times.
(module
  (import "env" "f" (func $f (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "loop") (param $n i32) (result i32) (local $acc i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (call $f (local.get $acc) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $acc)))
