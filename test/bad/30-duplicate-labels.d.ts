// expect: Result label `x` appears twice in `env.f`
// at: 4:12
declare namespace env {
  function f(): [x: i32, x: i32];
}
