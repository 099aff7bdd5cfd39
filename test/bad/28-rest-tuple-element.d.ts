// expect: Rest element `...more: i32[]`
// at: 4:33
declare namespace env {
  function many(): [first: i32, ...more: i32[]];
}
