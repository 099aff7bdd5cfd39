// expect: Generic function `env.id`
// at: 4:15
declare namespace env {
  function id<T>(x: T): T;
}
