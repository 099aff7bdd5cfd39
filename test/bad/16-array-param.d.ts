// expect: Unsupported type `u32[]`
// at: 4:20
declare namespace env {
  function sum(xs: u32[]): u32;
}
