// expect: nested tuples are not supported
// at: 4:32
declare namespace env {
  function f(): [a: i32, rest: [i32, i32]];
}
