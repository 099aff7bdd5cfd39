// expect: `void` is only a return type
// at: 4:17
declare namespace env {
  function f(a: void): void;
}
