// expect: Unsupported type `{ x: f64; y: f64 }`
// at: 4:20
declare namespace env {
  function plot(p: { x: f64; y: f64 }): void;
}
