// expect: is outside any module
// at: 3:18
declare function now(): f64;
