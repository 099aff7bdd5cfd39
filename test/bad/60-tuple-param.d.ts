// expect: a tuple is only allowed as the return type
// at: 4:17
declare namespace env {
  function f(p: [i32, i32]): void;
}
