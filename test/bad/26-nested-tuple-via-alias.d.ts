// expect: nested tuples are not supported
// at: 5:23
type Pair = [i32, i32];
declare namespace env {
  function f(): [i32, Pair];
}
