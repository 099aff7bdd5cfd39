//! The native side of the wit-greeter example, in Rust (`rustc --crate-type
//! cdylib`, no crates), against the generated `gen/greeter.rs`: string
//! parameters arrive as `HostbindStr` (checked to be inside guest memory and
//! UTF-8), string results are handed over with `HostbindOut::set_str`, and
//! `rot13` calls the guest's own `shift` export for every byte.

#[path = "gen/greeter.rs"]
mod hostbind;

use hostbind::{HostNameFn, HostPrintFn, HostRot13Fn, HostbindCtx, HostbindOut, HostbindStr};

/// `void host_name(hostbind_out *out, hostbind_ctx *ctx);`
#[unsafe(no_mangle)]
pub extern "C" fn host_name(out: *mut HostbindOut, _ctx: *mut HostbindCtx) {
    // SAFETY: the shim passes a valid `out` for the duration of the call.
    let out = unsafe { &mut *out };
    // Copied into memory from the guest's cabi_realloc; an error has already set the trap.
    let _ = out.set_str("Ada Lovelace");
}
const _: HostNameFn = host_name;

/// `void host_print(hostbind_ctx *ctx, hostbind_str line);`
#[unsafe(no_mangle)]
pub extern "C" fn host_print(_ctx: *mut HostbindCtx, line: HostbindStr) {
    println!("[guest] {}", line.as_str());
}
const _: HostPrintFn = host_print;

/// `void host_rot13(hostbind_out *out, hostbind_ctx *ctx, hostbind_str text);`
#[unsafe(no_mangle)]
pub extern "C" fn host_rot13(out: *mut HostbindOut, ctx: *mut HostbindCtx, text: HostbindStr) {
    // SAFETY: as above; the context is the Host's, exclusive for the call.
    let (out, ctx) = unsafe { (&mut *out, &mut *ctx) };
    // Copied first: a call into the guest may move its memory, and `text` views it.
    let bytes = text.as_str().as_bytes().to_vec();
    let mut shifted = Vec::with_capacity(bytes.len());
    for b in bytes {
        // SAFETY: no view of guest memory is used after the call (see the copy above).
        let c = unsafe { ctx.guest_shift(u32::from(b), 13) };
        if ctx.trapped() {
            return;
        }
        shifted.push(c as u8);
    }
    let _ = out.set_bytes(&shifted);
}
const _: HostRot13Fn = host_rot13;
