// expect: Dotted namespace `wasi.fs`
// at: 3:19
declare namespace wasi.fs {
  function close(fd: i32): i32;
}
