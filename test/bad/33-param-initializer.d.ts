// expect: has a default value `0`
// at: 4:40
declare namespace env {
  function seek(fd: i32, offset: i64 = 0): i64;
}
