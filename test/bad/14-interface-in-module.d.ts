// expect: Interface `Point` in module `env` is not supported
// at: 4:13
declare namespace env {
  interface Point { x: f64; y: f64 }
  function plot(x: f64, y: f64): void;
}
