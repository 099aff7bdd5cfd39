// expect: Class `File` in module `env`
// at: 4:9
declare namespace env {
  class File {}
  function f(): void;
}
