// expect: `externref` is not supported
// at: 4:22
declare namespace env {
  function keep(obj: externref): void;
}
