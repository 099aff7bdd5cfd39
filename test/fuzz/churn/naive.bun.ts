/**
 * A deliberately wrong Bun binding for the churn guest (the negative control
 * of test/churn.test.ts): it keeps its out-pointer in a small `Uint8Array`,
 * which Bun allocates in its moving GC heap, and takes `ptr()` of it once.
 * src/emit/ts/README.md says that pointer goes stale; the churn guest must notice.
 *
 * @example
 * ```ts
 * const host = (await import("./naive.bun.ts")).load("libchurn.so");
 * ```
 * @module
 */
import { dlopen, FFIType, ptr } from "bun:ffi";

/** Loads the churn library with the naive out-pointer. */
export function load(path: string) {
  const { symbols, close } = dlopen(path, {
    churn_pair: { args: [FFIType.ptr, FFIType.ptr, FFIType.i32], returns: FFIType.void },
    churn_triple: { args: [FFIType.ptr, FFIType.ptr, FFIType.i64, FFIType.f64], returns: FFIType.void },
    churn_quad: { args: [FFIType.ptr, FFIType.ptr, FFIType.i32], returns: FFIType.void },
  });
  // Never touch `out.buffer`: that would make JSC move the bytes out of the
  // GC heap for good (and so hide the bug). Results are copied byte-wise.
  const out = new Uint8Array(32);
  const p = ptr(out);
  const scratch = new Uint8Array(4096);
  const sv = new DataView(scratch.buffer);
  const read = () => {
    for (let i = 0; i < 32; i++) scratch[i] = out[i]!;
    return sv;
  };
  return {
    imports: {
      churn: {
        pair: (x: number) => {
          symbols.churn_pair(p, null, x);
          const view = read();
          return [view.getInt32(0, true), view.getBigInt64(8, true)];
        },
        triple: (x: bigint, y: number) => {
          symbols.churn_triple(p, null, x, y);
          const view = read();
          return [view.getFloat64(0, true), view.getInt32(8, true), view.getBigUint64(16, true)];
        },
        quad: (x: number) => {
          symbols.churn_quad(p, null, x);
          const view = read();
          return [view.getFloat32(0, true), view.getFloat64(8, true), view.getInt32(16, true), view.getBigInt64(24, true)];
        },
      },
    },
    bind(_instance: unknown) {},
    close,
  };
}
