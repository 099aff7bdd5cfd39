/**
 * The starter project's guest as bytes: `templates/init-guest.wat.tmpl`
 * assembled by wabt's `wat2wasm` (a test assembles it again and compares),
 * so `hostbind init` needs no WebAssembly toolchain.
 *
 * @example
 * ```ts
 * import { GUEST_WASM } from "./guest.ts";
 * GUEST_WASM.length; // 142
 * ```
 * @module
 */

/** `guest.wasm`: imports env.divmod and env.print, exports memory, greet and divide. */
export const GUEST_WASM: Uint8Array = Uint8Array.from(
  atob(
    "AGFzbQEAAAABEANgAn9/An9/YAJ/fwBgAAACGgIDZW52BmRpdm1vZAAAA2VudgVwcmludAABAwMC" +
      "AgAFAwEAAQcbAwZtZW1vcnkCAAVncmVldAACBmRpdmlkZQADChMCCABBEEEUEAELCAAgACABEAAL" +
      "CxoBAEEQCxRoZWxsbyBmcm9tIHRoZSBndWVzdA==",
  ),
  (c) => c.charCodeAt(0),
);
