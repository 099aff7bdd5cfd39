// The guest, in AssemblyScript (compiled by `asc`, from the npm package).
// Its imports are served by native code: `console.log` and `abort` (which
// AssemblyScript's own runtime imports for failed assertions) receive
// AssemblyScript strings, pointers into guest memory that the C side reads.

@external("env", "console.log")
declare function consoleLog(message: string): void;

@external("env", "add_scaled")
declare function addScaled(a: i32, b: i32): i32;

// A host function with a string parameter and a string result, by the
// component model's canonical ABI: UTF-8 `(ptr, len)` in, and a return area
// where the host writes the result's `(ptr, len)`, in memory it got from
// `cabi_realloc` below. (AssemblyScript strings are UTF-16: they are
// converted both ways.)
@external("text", "shout")
declare function textShout(ptr: usize, len: usize, retArea: usize): void;

/** The allocator the host calls for string and bytes results (the canonical ABI's realloc). */
export function cabi_realloc(old: usize, oldSize: usize, align: usize, newSize: usize): usize {
  return old == 0 ? heap.alloc(newSize) : heap.realloc(old, newSize);
}

const retArea = memory.data(8);

/** `text` with ASCII letters in upper case, computed natively. */
function shout(text: string): string {
  const utf8 = String.UTF8.encode(text);
  textShout(changetype<usize>(utf8), <usize>utf8.byteLength, retArea);
  const ptr = load<u32>(retArea);
  const result = String.UTF8.decodeUnsafe(ptr, load<u32>(retArea, 4));
  heap.free(ptr);
  return result;
}

// Top-level code runs in the module's start function: with `--exportStart
// _start` it runs when the host calls `_start()`, after `host.bind()`, so the
// native side already sees guest memory.
consoleLog("AssemblyScript guest started");

/** Greets `n` times through native code and returns a native computation. */
export function greet(n: i32): i32 {
  for (let i = 1; i <= n; i++) consoleLog("hello #" + i.toString() + " from AssemblyScript");
  consoleLog(shout("and louder, with ünïcödé: héllo"));
  return addScaled(n, 10);
}

/** Fails an assertion: AssemblyScript calls `env.abort`, which traps natively with the message. */
export function check(n: i32): i32 {
  assert(n >= 0, "n must not be negative");
  return n;
}
