// expect: `v128` is not supported
// at: 4:19
declare namespace env {
  function dot(v: v128): f32;
}
