import type { i32, i64 } from "hostbind/types";

/**
 * One import of sql.js's Emscripten build served natively: `a.A` is
 * Emscripten's `_localtime_js(time, tm)` (minified), which fills a `struct
 * tm` in guest memory. Every other import of module `a` stays sql.js's own
 * (`--exclude-import 'a.*'`).
 */
export declare namespace a {
  /** localtime of `time` (seconds since the epoch) into the `struct tm` at `tm`; 0 on success. */
  function A(time: i64, tm: i32): i32;
}
