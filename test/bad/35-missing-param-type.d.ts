// expect: Parameter `b` in `env.add` has no type
// at: 4:24
declare namespace env {
  function add(a: i32, b): i32;
}
