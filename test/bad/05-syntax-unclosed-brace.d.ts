// expect: Syntax error: '}' expected.
// at: 5:1
declare namespace env {
  function f(): void;
