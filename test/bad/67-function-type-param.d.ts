// expect: Unsupported type `(x: i32) => void`
// at: 4:21
declare namespace env {
  function each(cb: (x: i32) => void): void;
}
