// expect: Promise
// at: 4:20
declare namespace env {
  function load(p: Promise<i32>): void;
}
