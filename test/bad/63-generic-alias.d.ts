// expect: Generic type alias `Box`
// at: 3:10
type Box<T> = T;
declare namespace env {
  function f(a: Box<i32>): void;
}
