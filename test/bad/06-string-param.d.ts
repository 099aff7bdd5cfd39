// expect: `@noctx` import `env.log` takes a `string`
// at: 5:12
declare namespace env {
  /** @noctx */
  function log(s: string): void;
}
