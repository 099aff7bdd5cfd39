// expect: C symbol `a_b_c` of `a_b.c` collides with the C symbol `a_b_c` of `a-b.c`
// at: 7:12
declare module "a-b" {
  function c(): void;
}
declare namespace a_b {
  function c(): void;
}
