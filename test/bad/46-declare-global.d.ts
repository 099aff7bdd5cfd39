// expect: `declare global` is not an import module
// at: 3:9
declare global {
  function f(): void;
}
