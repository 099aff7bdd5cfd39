/**
 * The part of every generated `.rs` file that does not depend on the
 * declarations: `HostbindCtx`, the Rust mirror of C's `hostbind_ctx`, with
 * safe methods in place of C's inline helpers. Its fields are private, so
 * no code outside this module can make `memory`/`memory_size` lie; that is
 * what lets `guest_bytes` hand out slices without `unsafe` at the call site.
 * The layout assertions are generated from {@link CTX}, the table the C
 * header and the TS runtimes use, so the three cannot drift apart.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitRustCtx } from "./ctx.ts";
 * const w = new SourceWriter("    ");
 * emitRustCtx(w);
 * w.toString().includes("pub struct HostbindCtx {"); // true
 * ```
 * @module
 */
import { CTX, TRAP_ERROR, TRAP_NO_MEMORY, TRAP_PANIC } from "../../layout/context.ts";
import type { SourceWriter } from "../writer.ts";

/** The Rust name of the context type. */
export const RUST_CTX = "HostbindCtx";

/** Capacity of the trap message, as a Rust constant. */
const MESSAGE_SIZE = "HOSTBIND_TRAP_MESSAGE_SIZE";

/** The fields in memory order with their Rust types and their offsets in {@link CTX}. */
export const RUST_CTX_FIELDS: readonly { name: string; type: string; offset: number; doc: string }[] = [
  { name: "memory", type: "*mut u8", offset: CTX.memory, doc: "Base of the guest's linear memory; null until the host calls `bind()`." },
  { name: "memory_size", type: "u64", offset: CTX.memorySize, doc: "Size of the guest's linear memory in bytes; 0 until bound." },
  { name: "user_data", type: "*mut ::core::ffi::c_void", offset: CTX.userData, doc: "What the host application passed to `load()` as `userData`." },
  // The trap fields are Cells (the same layout as their values) so `guest_ptr(&self)` can raise a trap.
  { name: "trap_code", type: "::core::cell::Cell<i32>", offset: CTX.trapCode, doc: "The code of the pending trap." },
  { name: "trapped", type: "::core::cell::Cell<i32>", offset: CTX.trapped, doc: "Nonzero once a trap was raised during the current call." },
  { name: "trap_message", type: `[::core::cell::Cell<u8>; ${MESSAGE_SIZE}]`, offset: CTX.trapMessage, doc: "The pending trap's message, NUL-terminated." },
];

/** Writes the constant, the struct and its methods. */
export function emitRustCtx(w: SourceWriter): void {
  w.line("/// Capacity of the context's trap message in bytes, including the terminating NUL.");
  w.line(`pub const ${MESSAGE_SIZE}: usize = ${CTX.trapMessageSize};`);
  w.blank();
  w.line("/// The trap code `guest_ptr` (and so `guest_bytes`) raises when no guest memory is bound.");
  w.line(`pub const HOSTBIND_TRAP_NO_MEMORY: i32 = ${TRAP_NO_MEMORY};`);
  w.blank();
  w.line("/// The trap code of an implementation that panicked inside [`HostbindCtx::serve`].");
  w.line(`pub const HOSTBIND_TRAP_PANIC: i32 = ${TRAP_PANIC};`);
  w.blank();
  w.line("/// The trap code of an implementation whose [`HostbindCtx::serve`] body returned `Err`.");
  w.line(`pub const HOSTBIND_TRAP_ERROR: i32 = ${TRAP_ERROR};`);
  w.blank();
  w.lines([
    "/// The context of one loaded library (`hostbind_ctx` in C), passed to every",
    "/// function not marked `@noctx`. It lives in memory that never moves for as long",
    "/// as the library is loaded. Turn the pointer into a reference with",
    "/// `unsafe { &mut *ctx }`: hostbind passes a valid, exclusive pointer for the",
    "/// duration of the call.",
    "#[repr(C)]",
    "#[allow(dead_code)]",
    `pub struct ${RUST_CTX} {`,
  ]);
  w.indented(() => {
    for (const f of RUST_CTX_FIELDS) {
      w.line(`/// ${f.doc}`);
      w.line(`${f.name}: ${f.type},`);
    }
  });
  w.line("}");
  w.blank();
  w.line("#[allow(dead_code)]");
  w.line(`impl ${RUST_CTX} {`);
  w.indented(() => emitMethods(w));
  w.line("}");
}

function emitMethods(w: SourceWriter): void {
  w.lines([
    "/// Base of the guest's linear memory, or null before the host is bound to an",
    "/// instance. It changes when the guest grows its memory: read it at every call.",
    "pub fn memory(&self) -> *mut u8 {",
    "    self.memory",
    "}",
    "",
    "/// Size of the guest's linear memory in bytes (0 before binding).",
    "pub fn memory_size(&self) -> u64 {",
    "    self.memory_size",
    "}",
    "",
    "/// What the host application passed to `load()` as `userData` (null when none).",
    "pub fn user_data(&self) -> *mut ::core::ffi::c_void {",
    "    self.user_data",
    "}",
    "",
    "/// A native pointer to `len` bytes of guest memory at `offset`, or `None` when the",
    "/// range is not entirely inside the guest's memory. An empty range at the very end",
    "/// of memory is in bounds. The pointer is valid until the current call returns. With",
    "/// no memory bound (the host has not called `bind()`) it also traps with",
    "/// [`HOSTBIND_TRAP_NO_MEMORY`], and the `HostTrap` names the import and says to bind.",
    "pub fn guest_ptr(&self, offset: u32, len: u32) -> Option<*mut u8> {",
    "    self.guest_ptr64(u64::from(offset), u64::from(len))",
    "}",
    "",
    "/// The `len` bytes of guest memory at `offset`, or `None` when out of bounds.",
    "pub fn guest_bytes(&self, offset: u32, len: u32) -> Option<&[u8]> {",
    "    let p = self.guest_ptr(offset, len)?;",
    "    // SAFETY: the fields are private and set only by the hostbind runtime, which keeps",
    "    // them describing the guest's live memory for the duration of the call.",
    "    Some(unsafe { ::core::slice::from_raw_parts(p, len as usize) })",
    "}",
    "",
    "/// The `len` bytes of guest memory at `offset`, writable, or `None` when out of bounds.",
    "pub fn guest_bytes_mut(&mut self, offset: u32, len: u32) -> Option<&mut [u8]> {",
    "    let p = self.guest_ptr(offset, len)?;",
    "    // SAFETY: as in `guest_bytes`; `&mut self` makes the slice the only one handed out.",
    "    Some(unsafe { ::core::slice::from_raw_parts_mut(p, len as usize) })",
    "}",
    "",
    "/// `guest_ptr` for a memory64 guest, whose offsets and lengths are 64-bit (Deno and",
    "/// Node run them, Bun does not).",
    "pub fn guest_ptr64(&self, offset: u64, len: u64) -> Option<*mut u8> {",
    "    if self.memory.is_null() {",
    "        self.raise(HOSTBIND_TRAP_NO_MEMORY, \"no guest memory is bound\");",
    "        return None;",
    "    }",
    "    // Compared without `offset + len`, which could wrap.",
    "    if offset > self.memory_size || len > self.memory_size - offset {",
    "        return None;",
    "    }",
    "    // SAFETY: offset <= memory_size, so the result is inside the memory or one past its end.",
    "    Some(unsafe { self.memory.add(offset as usize) })",
    "}",
    "",
    "/// `guest_bytes` for a memory64 guest.",
    "pub fn guest_bytes64(&self, offset: u64, len: u64) -> Option<&[u8]> {",
    "    let p = self.guest_ptr64(offset, len)?;",
    "    // SAFETY: as in `guest_bytes`.",
    "    Some(unsafe { ::core::slice::from_raw_parts(p, len as usize) })",
    "}",
    "",
    "/// Makes the current call trap: when the native function returns, the binding",
    "/// throws `HostTrap(code, message)` into the guest's caller instead of returning",
    "/// results. The message is copied, cut at its first NUL and to at most",
    `/// \`${MESSAGE_SIZE} - 1\` bytes on a character boundary. Return promptly`,
    "/// afterwards: whatever the function returns or writes to `out` is ignored. The",
    "/// first trap of a call is the one reported: later ones during the call do nothing.",
    "pub fn trap(&mut self, code: i32, message: &str) {",
    "    self.raise(code, message);",
    "}",
    "",
    "/// Runs the body of an import's implementation and makes a trap of what would",
    "/// otherwise abort the process or need a hand-written `trap` call: `Ok(value)` is the",
    "/// import's result; `Err(e)` traps with `e`'s text (code [`HOSTBIND_TRAP_ERROR`]); a",
    "/// panic traps with its message (code [`HOSTBIND_TRAP_PANIC`]) instead of unwinding",
    "/// into the FFI caller, which aborts the process. After a trap it returns",
    "/// `T::default()`, which the binding ignores. (Rust's panic hook still prints the",
    "/// panic to stderr; `std::panic::set_hook` changes that.)",
    "///",
    "/// ```ignore",
    "/// #[unsafe(no_mangle)]",
    "/// pub extern \"C\" fn env_parse(ctx: *mut HostbindCtx, ptr: u32, len: u32) -> i32 {",
    "///     HostbindCtx::serve(ctx, |ctx| -> Result<i32, Box<dyn std::error::Error>> {",
    "///         let text = ctx.guest_bytes(ptr, len).ok_or(\"text outside guest memory\")?;",
    "///         Ok(std::str::from_utf8(text)?.trim().parse()?)",
    "///     })",
    "/// }",
    "/// ```",
    "pub fn serve<T: Default, E: ::core::fmt::Display>(",
    "    ctx: *mut HostbindCtx,",
    "    body: impl FnOnce(&mut HostbindCtx) -> Result<T, E>,",
    ") -> T {",
    "    // SAFETY: the bindings pass every import that has a context the Host's live one.",
    "    let outcome = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| body(unsafe { &mut *ctx })));",
    "    // SAFETY: as above; the body's borrow has ended.",
    "    let cx = unsafe { &*ctx };",
    "    match outcome {",
    "        Ok(Ok(value)) => value,",
    "        Ok(Err(error)) => {",
    "            cx.raise(HOSTBIND_TRAP_ERROR, &error.to_string());",
    "            T::default()",
    "        }",
    "        Err(payload) => {",
    "            let message = payload",
    "                .downcast_ref::<&str>()",
    "                .map(|s| (*s).to_owned())",
    "                .or_else(|| payload.downcast_ref::<String>().cloned())",
    "                .unwrap_or_else(|| \"a panic with no message\".to_owned());",
    "            cx.raise(HOSTBIND_TRAP_PANIC, &format!(\"panic: {message}\"));",
    "            T::default()",
    "        }",
    "    }",
    "}",
    "",
    "/// `trap` for a shared reference: the first trap of a call is the one reported.",
    "fn raise(&self, code: i32, message: &str) {",
    "    if self.trapped.get() != 0 {",
    "        return;",
    "    }",
    "    let bytes = message.as_bytes();",
    `    let mut n = bytes.len().min(${MESSAGE_SIZE} - 1);`,
    "    while !message.is_char_boundary(n) {",
    "        n -= 1;",
    "    }",
    "    if let Some(nul) = bytes[..n].iter().position(|&b| b == 0) {",
    "        n = nul;",
    "    }",
    "    for (cell, &byte) in self.trap_message.iter().zip(&bytes[..n]) {",
    "        cell.set(byte);",
    "    }",
    "    self.trap_message[n].set(0);",
    "    self.trap_code.set(code);",
    "    self.trapped.set(1);",
    "}",
  ]);
}

/** The assertion lines (for inside the 64-bit `const _: () = { … };` block) of the context's layout. */
export function rustCtxAssertions(): string[] {
  return [
    sizeAssert(RUST_CTX, CTX.size, CTX.align),
    ...RUST_CTX_FIELDS.map((f) => offsetAssert(RUST_CTX, f.name, f.offset)),
  ].flat();
}

/** `size_of` and `align_of` assertions for `type`. */
export function sizeAssert(type: string, size: number, align: number): string[] {
  return [
    `assert!(::core::mem::size_of::<${type}>() == ${size}, "${type}: size");`,
    `assert!(::core::mem::align_of::<${type}>() == ${align}, "${type}: alignment");`,
  ];
}

/** An `offset_of!` assertion for one field. */
export function offsetAssert(type: string, field: string, offset: number): string {
  return `assert!(::core::mem::offset_of!(${type}, ${field}) == ${offset}, "${type}: offset of ${field}");`;
}
