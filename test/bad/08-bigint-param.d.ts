// expect: Unsupported type `bigint`
// at: 4:20
declare namespace env {
  function seed(x: bigint): void;
}
