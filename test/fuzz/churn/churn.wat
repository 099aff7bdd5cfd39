;; Guest of the GC churn test: calls the three multi-result imports in a loop,
;; recomputes every result itself and counts mismatches; every 256 iterations
;; it calls js.alloc so the host allocates small typed arrays meanwhile.
(module
  (import "churn" "pair" (func $pair (param i32) (result i32 i64)))
  (import "churn" "triple" (func $triple (param i64 f64) (result f64 i32 i64)))
  (import "churn" "quad" (func $quad (param i32) (result f32 f64 i32 i64)))
  (import "js" "alloc" (func $alloc (param i32)))
  (memory (export "memory") 1)
  (global $bad (mut i32) (i32.const 0))
  (global $calls (mut i32) (i32.const 0))

  (func $expect (param $ok i32)
    (if (i32.eqz (local.get $ok)) (then (global.set $bad (i32.add (global.get $bad) (i32.const 1))))))

  (func $step (param $i i32)
    (local $a i32) (local $b i64) (local $f f64) (local $g f32) (local $x i64)
    ;; pair
    (call $pair (local.get $i))
    local.set $b
    local.set $a
    (call $expect (i32.eq (local.get $a) (i32.add (i32.mul (local.get $i) (i32.const 3)) (i32.const 1))))
    (call $expect (i64.eq (local.get $b)
      (i64.xor (i64.shl (i64.extend_i32_s (local.get $i)) (i64.const 20)) (i64.const 0x5555))))
    ;; triple
    (local.set $x (i64.extend_i32_s (local.get $i)))
    (call $triple (local.get $x) (f64.mul (f64.convert_i32_s (local.get $i)) (f64.const 0.25)))
    local.set $b
    local.set $a
    local.set $f
    (call $expect (i64.eq (i64.reinterpret_f64 (local.get $f))
      (i64.reinterpret_f64 (f64.mul (f64.convert_i32_s (local.get $i)) (f64.const 0.5)))))
    (call $expect (i32.eq (local.get $a) (i32.xor (local.get $i) (i32.const 7))))
    (call $expect (i64.eq (local.get $b) (i64.mul (local.get $x) (i64.const 0x9E3779B97F4A7C15))))
    ;; quad
    (call $quad (local.get $i))
    local.set $b
    local.set $a
    local.set $f
    local.set $g
    (call $expect (i32.eq (i32.reinterpret_f32 (local.get $g))
      (i32.reinterpret_f32 (f32.convert_i32_u (i32.and (local.get $i) (i32.const 0xffff))))))
    (call $expect (i64.eq (i64.reinterpret_f64 (local.get $f))
      (i64.reinterpret_f64 (f64.add (f64.convert_i32_s (local.get $i)) (f64.const 0.5)))))
    (call $expect (i32.eq (local.get $a) (i32.xor (local.get $i) (i32.const -1))))
    (call $expect (i64.eq (local.get $b) (i64.sub (i64.const 0) (i64.extend_i32_s (local.get $i)))))
    (global.set $calls (i32.add (global.get $calls) (i32.const 3))))

  ;; Runs `n` iterations starting at `from` (three import calls each); returns the mismatch count so far.
  (func (export "run") (param $from i32) (param $n i32) (result i32)
    (local $i i32) (local $end i32)
    (local.set $i (local.get $from))
    (local.set $end (i32.add (local.get $from) (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $end)))
        (if (i32.eqz (i32.and (local.get $i) (i32.const 255))) (then (call $alloc (local.get $i))))
        (call $step (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (global.get $bad))
  (func (export "calls") (result i32) (global.get $calls)))
