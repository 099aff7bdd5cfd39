import type { i32 } from "hostbind/types";

/**
 * Two imports of esbuild's Go build (GOOS=js, the `esbuild-wasm` package)
 * served natively: the Go runtime's clocks. Go passes each import its stack
 * pointer `sp` and reads the results from the stack, in guest memory: the
 * import writes them there. Every other import of `gojs` stays Go's own
 * `wasm_exec.js` (`--exclude-import 'gojs.*'`).
 */
export declare namespace gojs {
  /**
   * `func nanotime1() int64`: monotonic nanoseconds, written at `sp + 8`.
   * @name runtime.nanotime1
   */
  function runtime_nanotime1(sp: i32): void;

  /**
   * `func walltime() (sec int64, nsec int32)`: the wall clock, written at `sp + 8` and `sp + 16`.
   * @name runtime.walltime
   */
  function runtime_walltime(sp: i32): void;
}
