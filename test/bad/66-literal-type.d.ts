// expect: Unsupported type `0`
// at: 4:17
declare namespace env {
  function f(): 0;
}
