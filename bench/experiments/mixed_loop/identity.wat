(module
  (func (export "one") (param i32) (result i32) (local.get 0))
  (func (export "three_i64") (param i64 i64 i64) (result i64 i64) (local.get 0) (local.get 1))
  (func (export "two_mixed") (param i64 f64) (result i64 f64) (local.get 0) (local.get 1))
  (func (export "four_mixed") (param i32 i64 f32 f64) (result i32 i64 f32 f64) (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
