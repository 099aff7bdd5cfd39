// expect: Unsupported type `object`
// at: 4:17
declare namespace env {
  function f(o: object): void;
}
