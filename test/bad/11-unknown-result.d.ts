// expect: Unsupported type `unknown` for the result
// at: 4:17
declare namespace env {
  function f(): unknown;
}
