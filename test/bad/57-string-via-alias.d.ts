// expect: (through type alias `Text`)
// at: 3:13
type Text = string;
declare namespace env {
  function log(t: Text): void;
}
