// expect: Unsupported type `number` for the result of `env.now`
// at: 4:19
declare namespace env {
  function now(): number;
}
