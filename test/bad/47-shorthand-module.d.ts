// expect: has no body
// at: 3:16
declare module "env";
