// expect: overloads are not supported
// at: 5:12
declare namespace env {
  function abs(x: i32): i32;
  function abs(x: f64): f64;
}
