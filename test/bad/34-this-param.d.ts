// expect: `this` parameter in `env.f`
// at: 4:14
declare namespace env {
  function f(this: i32, a: i32): void;
}
