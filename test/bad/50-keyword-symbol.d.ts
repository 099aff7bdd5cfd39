// expect: Invalid C symbol `while`
// at: 5:12
declare namespace env {
  /** @symbol while */
  function loop(): void;
}
