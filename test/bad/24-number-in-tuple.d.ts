// expect: Unsupported type `number` for result 0 of `env.pair`
// at: 4:21
declare namespace env {
  function pair(): [number, i32];
}
