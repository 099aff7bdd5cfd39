// expect: needs exactly one C symbol name, found no name
// at: 4:7
declare namespace env {
  /** @symbol */
  function f(): void;
}
