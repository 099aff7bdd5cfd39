// expect: Function `env.add` has no return type
// at: 4:12
declare namespace env {
  function add(a: i32, b: i32);
}
