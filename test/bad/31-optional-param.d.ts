// expect: Optional parameter `flags?`
// at: 4:28
declare namespace env {
  function open(path: u32, flags?: i32): i32;
}
