// expect: Invalid C symbol `hostbind_trap`
// at: 4:12
declare module "hostbind" {
  function trap(): void;
}
