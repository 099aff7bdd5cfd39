/**
 * Grows the shared `WebAssembly.Memory` it is sent, in another thread, and
 * answers "grown": the conformance driver checks that native code then sees
 * the new size through a Host bound in the main thread.
 * @module
 */
// deno-lint-ignore-file no-explicit-any
const scope: any = globalThis;
function grow(memory: WebAssembly.Memory): void {
  memory.grow(1);
  new Uint8Array(memory.buffer).set([4, 5, 6], 2 * 65536 + 10);
}
if ("Deno" in scope || "Bun" in scope) {
  scope.onmessage = (e: { data: WebAssembly.Memory }) => {
    grow(e.data);
    scope.postMessage("grown");
  };
} else {
  // Node: a worker_threads Worker, which talks through parentPort.
  const { parentPort } = await import("node:worker_threads");
  parentPort!.on("message", (memory: WebAssembly.Memory) => {
    grow(memory);
    parentPort!.postMessage("grown");
  });
}
