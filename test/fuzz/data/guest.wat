;; The data fuzzer's guest: only memory and an allocator. The runner writes
;; the arguments into this memory and calls the stub's imports directly with
;; their canonical-ABI lowering; cabi_realloc is what the host's shims call
;; for string and Uint8Array results (a bump allocator that grows memory).
(module
  (memory (export "memory") 1)
  (global $bump (mut i32) (i32.const 1024))
  (func (export "reset") (global.set $bump (i32.const 1024)))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get 2))))
    (global.set $bump (i32.add (local.get $p) (local.get 3)))
    (block $fits
      (loop $more
        (br_if $fits (i32.le_u (global.get $bump) (i32.mul (memory.size) (i32.const 65536))))
        (drop (memory.grow (i32.const 1)))
        (br $more)))
    (local.get $p)))
