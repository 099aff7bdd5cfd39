// expect: Invalid C symbol `__Init`
// at: 4:12
declare module "_" {
  function Init(): void;
}
