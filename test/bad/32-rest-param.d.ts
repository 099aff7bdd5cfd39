// expect: Rest parameter `...args`
// at: 4:29
declare namespace env {
  function printf(fmt: u32, ...args: i32[]): i32;
}
