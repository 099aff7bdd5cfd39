// expect: Unsupported type `any`
// at: 4:17
declare namespace env {
  function f(x: any): void;
}
