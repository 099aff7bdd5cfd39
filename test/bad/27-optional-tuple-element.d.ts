// expect: Optional element `rem?: i32`
// at: 4:48
declare namespace env {
  function divmod(a: i32, b: i32): [quot: i32, rem?: i32];
}
