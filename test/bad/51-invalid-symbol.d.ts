// expect: Invalid C symbol `9lives`
// at: 5:12
declare namespace env {
  /** @symbol 9lives */
  function cat(): void;
}
