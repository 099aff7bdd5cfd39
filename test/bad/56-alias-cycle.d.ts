// expect: type alias `A` refers to itself (A → B → A)
// at: 4:10
type A = B;
type B = A;
declare namespace env {
  function f(a: A): void;
}
