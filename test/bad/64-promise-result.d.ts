// expect: Promise
// at: 4:20
declare namespace env {
  function load(): Promise<i32>;
}
