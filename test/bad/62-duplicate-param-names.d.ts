// expect: Parameter name `a` appears twice
// at: 4:12
declare namespace env {
  function f(a: i32, a: i32): void;
}
