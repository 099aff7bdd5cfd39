// The native side of api.d.ts in Rust, against the generated api.rs, for
// test/runtime/data.test.ts: the same behaviour as api.c.
#[path = "api_gen.rs"]
mod api;

use api::{HostbindBytes, HostbindCtx, HostbindOut, HostbindStr};
use std::sync::atomic::{AtomicU32, Ordering};

static LAST: AtomicU32 = AtomicU32::new(0);

#[unsafe(no_mangle)]
pub extern "C" fn host_log(_ctx: *mut HostbindCtx, msg: HostbindStr) {
    LAST.store(msg.as_str().len() as u32, Ordering::Relaxed);
}
const _: api::HostLogFn = host_log;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_upper(out: *mut HostbindOut, _ctx: *mut HostbindCtx, text: HostbindStr) {
    let upper: Vec<u8> = text.as_str().bytes().take(256).map(|b| b.to_ascii_uppercase()).collect();
    let _ = unsafe { &mut *out }.set_bytes(&upper);
}
const _: api::HostUpperFn = host_upper;

#[unsafe(no_mangle)]
pub extern "C" fn host_sum(_ctx: *mut HostbindCtx, data: HostbindBytes) -> u32 {
    data.as_slice().iter().map(|&b| u32::from(b)).sum()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_twice(out: *mut HostbindOut, _ctx: *mut HostbindCtx, data: HostbindBytes) {
    let twice = [data.as_slice(), data.as_slice()].concat();
    let _ = unsafe { &mut *out }.set_bytes(&twice);
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_echo(out: *mut HostbindOut, _ctx: *mut HostbindCtx, text: HostbindStr) {
    let _ = unsafe { &mut *out }.set_str(text.as_str());
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_fill(out: *mut HostbindOut, _ctx: *mut HostbindCtx, byte: u32, count: u32) {
    let _ = unsafe { &mut *out }.set_bytes(&vec![byte as u8; count as usize]);
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_bad_text(out: *mut HostbindOut, _ctx: *mut HostbindCtx) {
    let _ = unsafe { &mut *out }.set_bytes(b"ok\xC3(");
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_twice_set(out: *mut HostbindOut, _ctx: *mut HostbindCtx) {
    let out = unsafe { &mut *out };
    if out.set_str("one").is_ok() {
        let _ = out.set_str("two");
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn host_call_double(ctx: *mut HostbindCtx, n: i32) -> i32 {
    let ctx = unsafe { &mut *ctx };
    let r = unsafe { ctx.guest_double(n) };
    if ctx.trapped() { 0 } else { r + 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn host_grow_pages(ctx: *mut HostbindCtx, by: i32) -> u32 {
    let ctx = unsafe { &mut *ctx };
    unsafe { ctx.guest_grow(by) };
    (ctx.memory_size() / 65536) as u32
}

#[unsafe(no_mangle)]
pub extern "C" fn host_call_boom(ctx: *mut HostbindCtx) -> i32 {
    let ctx = unsafe { &mut *ctx };
    unsafe { ctx.guest_boom() };
    if ctx.trapped() { 0 } else { 7 }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn host_huge(out: *mut HostbindOut, _ctx: *mut HostbindCtx) {
    // Zeroed pages from the allocator, never touched: the size check comes first.
    let huge = vec![0u8; (1usize << 32) + 1];
    let _ = unsafe { &mut *out }.set_bytes(&huge);
}

#[unsafe(no_mangle)]
pub extern "C" fn host_call_nest(ctx: *mut HostbindCtx, n: i32) -> i32 {
    if n <= 0 {
        return 0;
    }
    let ctx = unsafe { &mut *ctx };
    let inner = unsafe { ctx.guest_nest(n - 1) };
    if ctx.trapped() { 0 } else { inner + 1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn host_last_len(_ctx: *mut HostbindCtx) -> u32 {
    LAST.load(Ordering::Relaxed)
}
