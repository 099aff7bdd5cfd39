// expect: Variable `memory` at the top level
// at: 3:15
declare const memory: u32;
declare namespace env {
  function f(): void;
}
