// expect: Syntax error: ',' expected.
// at: 4:21
declare namespace env {
  function f(a: i32 b: i32): void;
}
