// expect: Unsupported type `string` for parameter `s` of `env.log`
// at: 4:19
declare namespace env {
  function log(s: string): void;
}
