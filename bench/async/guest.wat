;; The guest of the async bench: sleep(ms) once, or nothing() n times.
(module
  (import "aio" "sleep" (func $sleep (param i32)))
  (import "aio" "nothing" (func $nothing))
  (memory (export "memory") 1)
  (func (export "sleep") (param i32) (call $sleep (local.get 0)))
  (func (export "nothing") (param $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (call $nothing)
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))))
