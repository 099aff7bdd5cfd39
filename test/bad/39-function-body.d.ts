// expect: has a body
// at: 4:12
namespace env {
  function f(): void {}
}
