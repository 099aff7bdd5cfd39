;; A guest that exports its memory as "O" (as sql.js does), and the same
;; memory again as "mem": bind(instance) finds the one memory either way.
(module
  (memory $m 1)
  (export "O" (memory $m))
  (export "mem" (memory $m))
  (data (i32.const 32) "\05\06")
  (func (export "noop")))
