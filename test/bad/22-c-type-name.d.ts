// expect: Unsupported type `double`
// at: 4:20
declare namespace env {
  function sqrt(x: double): f64;
}
