// expect: Unsupported type `boolean`
// at: 4:23
declare namespace env {
  function toggle(on: boolean): void;
}
