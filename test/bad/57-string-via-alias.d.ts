// expect: (through type alias `Text`): a `string` or `Uint8Array` result must be the only result
// at: 5:32
type Text = string;
declare namespace env {
  function read(): [n: i32, t: Text];
}
