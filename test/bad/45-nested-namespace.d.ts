// expect: Nested namespace `fs` in module `wasi`
// at: 4:13
declare namespace wasi {
  namespace fs {
    function close(fd: i32): i32;
  }
}
