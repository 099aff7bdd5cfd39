// expect: Unsupported type `Handle`
// at: 4:21
declare namespace env {
  function close(h: Handle): void;
}
