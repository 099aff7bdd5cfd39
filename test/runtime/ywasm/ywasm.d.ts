import type { f64 } from "hostbind/types";

/**
 * One import of ywasm (Yjs in Rust, a wasm-bindgen build for Node) served
 * natively: its clock, `Date.now()` in ywasm's own glue, which the undo
 * manager reads to group edits made within `captureTimeout` of each other.
 * Every other import of the module stays ywasm's own
 * (`--exclude-import '__wbindgen_placeholder__.*'`).
 */
export declare namespace __wbindgen_placeholder__ {
  /** Milliseconds since the epoch, as `Date.now()`. */
  function __wbg_now_ba25f0a487340763(): f64;
}
