// expect: Variable `memory` in module `env`
// at: 4:9
declare namespace env {
  const memory: u32;
  function f(): void;
}
