// expect: mixes labelled and unlabelled elements
// at: 4:17
declare namespace env {
  function f(): [quot: i32, i32];
}
