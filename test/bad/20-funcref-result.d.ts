// expect: `funcref` is not supported
// at: 4:24
declare namespace env {
  function callback(): funcref;
}
