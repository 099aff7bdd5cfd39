/**
 * Grows the shared `WebAssembly.Memory` it is sent, in another thread, and
 * answers "grown": the conformance driver checks that native code then sees
 * the new size through a Host bound in the main thread.
 * @module
 */
// deno-lint-ignore-file no-explicit-any
const scope: any = globalThis;
scope.onmessage = (e: { data: WebAssembly.Memory }) => {
  e.data.grow(1);
  new Uint8Array(e.data.buffer).set([4, 5, 6], 2 * 65536 + 10);
  scope.postMessage("grown");
};
