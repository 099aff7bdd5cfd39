/**
 * The layout of `hostbind_ctx`, fixed for every 64-bit target (the only ones
 * Deno and Bun run on) so the header's static assertions and the generated
 * TS runtime agree on one table. The context lives at offset 0 of the stub
 * module's memory, which never moves.
 *
 * @example
 * ```ts
 * import { CTX } from "./context.ts";
 * CTX.trapped; // byte offset of the trap flag
 * ```
 * @module
 */

/** Byte offsets of `hostbind_ctx` fields on 64-bit targets. */
export const CTX = {
  /** `uint8_t *memory`: base of the guest's linear memory, NULL before `bind()`. */
  memory: 0,
  /** `uint64_t memory_size`: its size in bytes, 0 before `bind()`. */
  memorySize: 8,
  /** `void *user_data`: what the host passed to `load({ userData })`. */
  userData: 16,
  /** `int32_t trap_code`: the code given to `hostbind_trap`. */
  trapCode: 24,
  /** `int32_t trapped`: nonzero once `hostbind_trap` was called during this call. */
  trapped: 28,
  /** `char trap_message[TRAP_MESSAGE_SIZE]`: NUL-terminated, truncated. */
  trapMessage: 32,
  /** Capacity of `trap_message` including the terminating NUL. */
  trapMessageSize: 224,
  /** `sizeof(hostbind_ctx)`. */
  size: 256,
  /** `_Alignof(hostbind_ctx)`. */
  align: 8,
} as const;

/**
 * The trap code hostbind reserves for "no guest memory is bound":
 * `hostbind_guest_ptr` (and Rust's `guest_ptr`) raise it when native code
 * reaches for guest memory before `host.bind()`, and the binding then names
 * the import in the `HostTrap` message.
 */
export const TRAP_NO_MEMORY = -32768;

/** The trap code of a Rust implementation that panicked inside `HostbindCtx::serve` (NAME.rs). */
export const TRAP_PANIC = -32767;

/** The trap code of a Rust implementation whose `HostbindCtx::serve` body returned `Err`. */
export const TRAP_ERROR = -32766;

/** The trap code of a `string`/`Uint8Array` parameter (or a result area) outside guest memory. */
export const TRAP_BOUNDS = -32765;

/** The trap code of a `string` parameter or result that is not UTF-8. */
export const TRAP_UTF8 = -32764;

/** The trap code of a call into the guest that trapped, or that was made before `bind()`. */
export const TRAP_GUEST = -32763;

/** The trap code of a data result the guest's allocator could not take (or over 4 GiB, or handed over twice). */
export const TRAP_ALLOC = -32762;
