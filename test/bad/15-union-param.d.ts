// expect: Unsupported type `i32 | i64`
// at: 4:17
declare namespace env {
  function f(a: i32 | i64): void;
}
