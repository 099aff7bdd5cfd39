// expect: Unsupported type `string` for result 1 of `env.read`
// at: 4:42
declare namespace env {
  function read(fd: i32): [n: i32, text: string];
}
