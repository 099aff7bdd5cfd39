// expect: Enum `Mode` in module `env`
// at: 4:8
declare namespace env {
  enum Mode { Read, Write }
  function f(mode: i32): void;
}
