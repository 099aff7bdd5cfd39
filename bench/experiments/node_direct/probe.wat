;; The guest memory's size, for stub.wat's table (bench/experiments/node_direct).
(module (import "g" "memory" (memory 0)) (func (export "pages") (result i32) (memory.size)))
