import type { u32 } from "hostbind/types";

/** The async imports of the async bench (bench/async/run.ts). */
export declare namespace aio {
  /** Sleeps `ms` milliseconds natively. */
  function sleep(ms: u32): Promise<void>;
  /** Returns at once: what an async import costs beyond its native work. */
  function nothing(): Promise<void>;
}
