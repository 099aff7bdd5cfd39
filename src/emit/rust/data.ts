/**
 * The Rust side of the data types and of calls into the guest (docs/abi.md
 * §7–§8), the same as the C header's (`../c/data.ts`, `../c/exports.ts`):
 * `HostbindStr` and `HostbindBytes` (the views a `string`/`Uint8Array`
 * parameter arrives as, with private fields only the shims fill, so `as_str`
 * is safe), `HostbindOut` (a data result handed over with `set_bytes` /
 * `set_str`), and one method on `HostbindCtx` per guest export.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitRustDataTypes } from "./data.ts";
 * const w = new SourceWriter("    ");
 * emitRustDataTypes(w);
 * w.toString().includes("pub struct HostbindStr {"); // true
 * ```
 * @module
 */
import { TRAP_ALLOC, TRAP_BOUNDS, TRAP_GUEST, TRAP_UTF8 } from "../../layout/context.ts";
import type { Layout } from "../../layout/mod.ts";
import { exportWasmText } from "../wat.ts";
import type { SourceWriter } from "../writer.ts";
import { commentLines } from "../writer.ts";
import { RUST_CTX } from "./ctx.ts";
import { RUST_TYPE } from "./items.ts";
import { rustString, safeRustName } from "./names.ts";

/** Writes the trap codes, the two views and `HostbindOut` with its methods. */
export function emitRustDataTypes(w: SourceWriter): void {
  w.lines(`/// The trap code of a string or bytes parameter outside guest memory, or of a result area outside it.
#[allow(dead_code)]
pub const HOSTBIND_TRAP_BOUNDS: i32 = ${TRAP_BOUNDS};

/// The trap code of a string parameter or result that is not UTF-8.
#[allow(dead_code)]
pub const HOSTBIND_TRAP_UTF8: i32 = ${TRAP_UTF8};

/// The trap code of a call into the guest that trapped, or was made before \`host.bind()\`.
#[allow(dead_code)]
pub const HOSTBIND_TRAP_GUEST: i32 = ${TRAP_GUEST};

/// The trap code of a result the guest's allocator could not take (see [\`HostbindOut::set_bytes\`]).
#[allow(dead_code)]
pub const HOSTBIND_TRAP_ALLOC: i32 = ${TRAP_ALLOC};

/// A \`string\` parameter: UTF-8 text in guest memory, checked by the call shim to be
/// inside it and UTF-8 (only the shims make one: the fields are private). Valid until
/// the function returns or calls into the guest (which may move memory).
#[repr(C)]
#[derive(Clone, Copy)]
#[allow(dead_code)]
pub struct HostbindStr {
    ptr: *const u8,
    len: usize,
}

#[allow(dead_code)]
impl HostbindStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        // SAFETY: the shim checked the bytes are inside guest memory and UTF-8; shared views may overlap.
        unsafe { ::core::str::from_utf8_unchecked(::core::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

/// A \`Uint8Array\` parameter: bytes in guest memory, checked by the call shim to be inside
/// it; valid as long as a [\`HostbindStr\`].
#[repr(C)]
#[derive(Clone, Copy)]
#[allow(dead_code)]
pub struct HostbindBytes {
    ptr: *const u8,
    len: usize,
}

#[allow(dead_code)]
impl HostbindBytes {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the shim checked the bytes are inside guest memory; shared views may overlap.
        unsafe { ::core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// The call trapped (the trap is already set): return promptly. Its text says so, so \`?\`
/// inside [\`HostbindCtx::serve\`] works (the first trap of a call is the one reported).
#[derive(Debug)]
pub struct HostbindTrapped;

impl ::core::fmt::Display for HostbindTrapped {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("the call trapped")
    }
}

/// Where a function that returns a \`string\` or \`Uint8Array\` hands its result over: call
/// [\`HostbindOut::set_bytes\`] or [\`HostbindOut::set_str\`] once. The bytes are copied into
/// memory from the guest's allocator, so they may live anywhere (a local buffer, a view of
/// a parameter). Not set at all, the result is empty.
#[repr(C)]
#[allow(dead_code)]
pub struct HostbindOut {
    ctx: *mut ${RUST_CTX},
    /// \`None\` off the JS thread (an async import): the result is then kept in \`staged\`.
    alloc: Option<unsafe extern "C" fn(u32, u32) -> u32>,
    import: *const ::core::ffi::c_char,
    utf8: i32,
    set: i32,
    ptr: u32,
    len: u32,
    staged: Vec<u8>,
}

#[allow(dead_code)]
impl HostbindOut {
    /// Hands over the result: \`data\` is copied into memory the guest's allocator gives
    /// (called once, also for no bytes). \`Err\` after a trap: the allocator trapped or
    /// returned an address outside memory, a string result is not UTF-8, the result is over
    /// 4 GiB or was already set.
    pub fn set_bytes(&mut self, data: &[u8]) -> Result<(), HostbindTrapped> {
        // SAFETY: the shim made this with the Host's live context.
        let ctx = unsafe { &*self.ctx };
        if ctx.trapped.get() != 0 {
            return Err(HostbindTrapped);
        }
        if self.set != 0 {
            ctx.raise(HOSTBIND_TRAP_ALLOC, &format!("{}: the result was handed over twice", self.import_name()));
            return Err(HostbindTrapped);
        }
        if data.len() > u32::MAX as usize {
            ctx.raise(HOSTBIND_TRAP_ALLOC, &format!("{}: a result of {} bytes is more than a 32-bit guest can address (4 GiB)", self.import_name(), data.len()));
            return Err(HostbindTrapped);
        }
        if self.utf8 != 0 {
            if let Err(e) = ::core::str::from_utf8(data) {
                let at = e.valid_up_to();
                ctx.raise(HOSTBIND_TRAP_UTF8, &format!("{}: the string result ({} bytes) is not UTF-8: byte {at} is 0x{:02x}", self.import_name(), data.len(), data[at]));
                return Err(HostbindTrapped);
            }
        }
        // Off the JS thread (an async import) the allocator cannot be called: the bytes wait in a copy.
        let Some(alloc) = self.alloc else {
            self.staged = data.to_vec();
            self.len = data.len() as u32;
            self.set = 1;
            return Ok(());
        };
        // Bytes inside guest memory (a view of a parameter) are found again after the allocator, which may move it.
        let base = ctx.memory as usize;
        let start = data.as_ptr() as usize;
        let inside = !data.is_empty() && !ctx.memory.is_null() && start >= base
            && (start - base) as u64 + data.len() as u64 <= ctx.memory_size;
        let offset = start.wrapping_sub(base);
        // SAFETY: the bindings put a live callback in the allocator's slot for the Host's life.
        let ptr = unsafe { alloc(data.len() as u32, 1) };
        if ctx.trapped.get() != 0 {
            return Err(HostbindTrapped);
        }
        if (ptr == 0 && !data.is_empty()) || u64::from(ptr) + data.len() as u64 > ctx.memory_size {
            ctx.raise(HOSTBIND_TRAP_ALLOC, &format!(
                "{}: the guest's allocator returned {ptr} for {} bytes, which is not inside guest memory ({} bytes)",
                self.import_name(), data.len(), ctx.memory_size,
            ));
            return Err(HostbindTrapped);
        }
        if !data.is_empty() {
            // SAFETY: [ptr, ptr + len) is inside guest memory (checked above); a source inside it is
            // re-read at its offset in the (possibly moved) memory; ranges may overlap: copy, not copy_nonoverlapping.
            unsafe {
                let from = if inside { ctx.memory.add(offset) as *const u8 } else { data.as_ptr() };
                ::core::ptr::copy(from, ctx.memory.add(ptr as usize), data.len());
            }
        }
        self.ptr = ptr;
        self.len = data.len() as u32;
        self.set = 1;
        Ok(())
    }

    /// Hands over a string as the result (see [\`HostbindOut::set_bytes\`]).
    pub fn set_str(&mut self, text: &str) -> Result<(), HostbindTrapped> {
        self.set_bytes(text.as_bytes())
    }

    /// For the call shims: a \`HostbindOut\` for one call of \`import\` (NUL-terminated), with the allocator in the table at \`slot\`.
    fn new(ctx: *mut ${RUST_CTX}, slot: usize, import: &'static [u8], utf8: bool) -> Self {
        // SAFETY: the bindings put a live callback of this type in the allocator's slot for the Host's life,
        // or 0 while an async import runs (off the JS thread); a null fn pointer is None.
        let alloc = unsafe { ::core::mem::transmute::<usize, Option<unsafe extern "C" fn(u32, u32) -> u32>>(*((ctx as *const u8).add(slot) as *const usize)) };
        HostbindOut { ctx, alloc, import: import.as_ptr() as *const ::core::ffi::c_char, utf8: utf8 as i32, set: 0, ptr: 0, len: 0, staged: Vec::new() }
    }

    /// For the call shims: writes where the result landed, \`(ptr, len)\` as two little-endian
    /// \`u32\`s, to the return area at guest offset \`retptr\` (checked before the call;
    /// \`ctx.memory\` read afresh, as the allocator may have moved it).
    fn write_area(&self, retptr: u32) {
        // SAFETY: the shim made this with the Host's live context.
        let ctx = unsafe { &*self.ctx };
        let mut words = [0u8; 8];
        words[..4].copy_from_slice(&self.ptr.to_le_bytes());
        words[4..].copy_from_slice(&self.len.to_le_bytes());
        // SAFETY: the shim checked [retptr, retptr + 8) is inside guest memory, which only grows.
        unsafe { ::core::ptr::copy_nonoverlapping(words.as_ptr(), ctx.memory.add(retptr as usize), 8) };
    }

    /// The import's name, for a trap message (only built on the way to one).
    fn import_name(&self) -> String {
        // SAFETY: the shims point it at a NUL-terminated static string.
        unsafe { ::core::ffi::CStr::from_ptr(self.import) }.to_string_lossy().into_owned()
    }
}

/// For the call shims: a pointer to the string or bytes parameter \`param\` of \`import\`
/// (\`len\` bytes at guest offset \`ptr\`), checked to be inside guest memory and, when
/// \`utf8\`, UTF-8; \`None\` after a trap that says what is wrong.
#[allow(dead_code)]
fn hostbind_view(ctx: &${RUST_CTX}, import: &str, param: &str, utf8: bool, ptr: u32, len: u32) -> Option<*const u8> {
    // With no memory bound guest_ptr traps (and that trap is the one reported).
    let Some(view) = ctx.guest_ptr(ptr, len) else {
        let what = if utf8 { "string" } else { "Uint8Array" };
        ctx.raise(HOSTBIND_TRAP_BOUNDS, &format!(
            "{import}: {what} parameter {param} (offset {ptr}, length {len}) is outside guest memory ({} bytes)",
            ctx.memory_size,
        ));
        return None;
    };
    let view = view as *const u8;
    if utf8 {
        // SAFETY: guest_ptr checked the range is inside guest memory, which stays put for the call.
        let bytes = unsafe { ::core::slice::from_raw_parts(view, len as usize) };
        if let Err(e) = ::core::str::from_utf8(bytes) {
            let at = e.valid_up_to();
            ctx.raise(HOSTBIND_TRAP_UTF8, &format!(
                "{import}: string parameter {param} (offset {ptr}, length {len}) is not UTF-8: byte {at} is 0x{:02x}",
                bytes[at],
            ));
            return None;
        }
    }
    Some(view)
}`.split("\n"));
}

/** Writes `impl HostbindCtx { … }` with one method per guest export (calls into the guest). */
export function emitRustGuestCalls(w: SourceWriter, layout: Layout): void {
  if (layout.guestExports.length === 0) return;
  w.line("/// Calls into the guest: each method calls the guest export of its name through the");
  w.line("/// bindings (native code -> JS -> wasm), re-entrantly. When the export traps, or the host");
  w.line("/// has not bound the instance yet, it returns 0 and the import that made the call traps");
  w.line("/// (`HOSTBIND_TRAP_GUEST`): check `trapped()` and return promptly.");
  w.line("#[allow(dead_code)]");
  w.line(`impl ${RUST_CTX} {`);
  w.indented(() => {
    w.line("/// True once the current call trapped (also through a call into the guest).");
    w.line("pub fn trapped(&self) -> bool {");
    w.line("    self.trapped.get() != 0");
    w.line("}");
    for (const e of layout.guestExports) {
      w.blank();
      for (const l of commentLines(e.exp.doc)) w.line(l === "" ? "///" : `/// ${l}`);
      if (e.exp.doc !== "") w.line("///");
      const wasm = exportWasmText(e.exp.name, e.params.map((p) => p.type), e.returns);
      for (const l of commentLines(`guest: \`${wasm}\``)) w.line(`/// ${l}`);
      w.line("///");
      w.line("/// # Safety");
      w.line("///");
      w.line("/// The guest may grow (and so move) its memory: `HostbindStr`/`HostbindBytes` views and");
      w.line("/// pointers into guest memory taken before the call must not be used after it.");
      const taken = new Set<string>(["self"]);
      const params = e.params.map((p) => {
        const name = safeRustName(p.name, taken);
        taken.add(name);
        return { name, type: RUST_TYPE[p.type] };
      });
      const ret = e.returns === null ? "" : ` -> ${RUST_TYPE[e.returns]}`;
      const method = safeRustName(e.exp.symbol, new Set());
      w.line(`pub unsafe fn ${method}(&mut self${params.map((p) => `, ${p.name}: ${p.type}`).join("")})${ret} {`);
      w.indented(() => {
        w.line(`// SAFETY: slot ${e.slot} (at ${e.offset}) holds a live callback of this type for the Host's life, or 0`);
        w.line("// while an async import of this Host runs (off the JS thread).");
        w.line(`let slot = unsafe { *((self as *mut Self as *const u8).add(${e.offset}) as *const usize) };`);
        w.line("if slot == 0 {");
        w.line(`    self.trap(HOSTBIND_TRAP_GUEST, ${rustString(`${e.exp.namespace}.${e.exp.name}: not callable from an async import (its native function runs off the JS thread while the guest is suspended)`)});`);
        w.line(e.returns === null ? "    return;" : "    return ::core::default::Default::default();");
        w.line("}");
        w.line("let f: unsafe extern \"C\" fn(" + params.map((p) => p.type).join(", ") + `)${ret} = unsafe { ::core::mem::transmute::<usize, _>(slot) };`);
        w.line(`unsafe { f(${params.map((p) => p.name).join(", ")}) }`);
      });
      w.line("}");
    }
  });
  w.line("}");
}
