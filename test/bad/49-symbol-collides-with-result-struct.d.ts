// expect: collides with the result struct `env_divmod_result`
// at: 5:12
declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function divmod_result(): void;
}
