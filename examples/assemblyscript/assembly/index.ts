// The guest, in AssemblyScript (compiled by `asc`, from the npm package).
// Its imports are served by native code: `console.log` and `abort` (which
// AssemblyScript's own runtime imports for failed assertions) receive
// AssemblyScript strings, pointers into guest memory that the C side reads.

@external("env", "console.log")
declare function consoleLog(message: string): void;

@external("env", "add_scaled")
declare function addScaled(a: i32, b: i32): i32;

// Top-level code runs in the module's start function: with `--exportStart
// _start` it runs when the host calls `_start()`, after `host.bind()`, so the
// native side already sees guest memory.
consoleLog("AssemblyScript guest started");

/** Greets `n` times through native code and returns a native computation. */
export function greet(n: i32): i32 {
  for (let i = 1; i <= n; i++) consoleLog("hello #" + i.toString() + " from AssemblyScript");
  return addScaled(n, 10);
}

/** Fails an assertion: AssemblyScript calls `env.abort`, which traps natively with the message. */
export function check(n: i32): i32 {
  assert(n >= 0, "n must not be negative");
  return n;
}
