// expect: Invalid C symbol `3d_draw`
// at: 4:12
declare module "3d" {
  function draw(): void;
}
