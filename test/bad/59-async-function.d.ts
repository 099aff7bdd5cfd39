// expect: Async function `env.fetch`
// at: 4:3
declare namespace env {
  async function fetch(url: u32): i32;
}
