// expect: generic types are not supported
// at: 4:20
declare namespace env {
  function sum(xs: Array<u32>): u32;
}
