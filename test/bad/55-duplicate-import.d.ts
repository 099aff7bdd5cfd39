// expect: Import `env.now` is declared twice
// at: 8:12
declare namespace env {
  function now(): f64;
}
declare namespace env {
  /** @symbol now2 */
  function now(): f64;
}
