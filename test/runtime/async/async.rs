//! The native side of test/runtime/async.test.ts in Rust (`rustc --crate-type
//! cdylib`, no crates): the same functions as `async.c`. The test copies this
//! file beside the generated `async.rs`, as `lib.rs`.

#[path = "async.rs"]
mod hostbind;

use hostbind::{AioDivmodResult, AioPeekResult, HostbindCtx, HostbindOut, HostbindStr};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Calls in `gather` at this moment, the most seen at once, and sleeps finished.
static STATE: Mutex<(u32, u32, u32)> = Mutex::new((0, 0, 0));
static CHANGED: Condvar = Condvar::new();

#[unsafe(no_mangle)]
pub extern "C" fn aio_sleep(_ctx: *mut HostbindCtx, ms: u32) -> i32 {
    std::thread::sleep(Duration::from_millis(u64::from(ms)));
    STATE.lock().unwrap().2 += 1;
    ms as i32 * 2
}
const _: hostbind::AioSleepFn = aio_sleep;

#[unsafe(no_mangle)]
pub extern "C" fn aio_gather(_ctx: *mut HostbindCtx, n: u32) -> u32 {
    let mut state = STATE.lock().unwrap();
    state.0 += 1;
    state.1 = state.1.max(state.0);
    CHANGED.notify_all();
    let (mut state, _) = CHANGED.wait_timeout_while(state, Duration::from_secs(5), |s| s.1 < n).unwrap();
    state.0 -= 1;
    state.1
}
const _: hostbind::AioGatherFn = aio_gather;

#[unsafe(no_mangle)]
pub extern "C" fn aio_divmod(out: *mut AioDivmodResult, ctx: *mut HostbindCtx, a: i32, b: i32) {
    // SAFETY: the shim passes a valid context and out-pointer for the call.
    let (out, ctx) = unsafe { (&mut *out, &mut *ctx) };
    if b == 0 {
        ctx.trap(7, "division by zero");
        return;
    }
    *out = AioDivmodResult { quot: a / b, rem: a % b };
}
const _: hostbind::AioDivmodFn = aio_divmod;

#[unsafe(no_mangle)]
pub extern "C" fn aio_peek(out: *mut AioPeekResult, _ctx: *mut HostbindCtx, text: HostbindStr) {
    let text = text.as_str();
    // SAFETY: the shim passes a valid out-pointer for the call.
    unsafe { *out = AioPeekResult { len: text.len() as u32, first: u32::from(text.bytes().next().unwrap_or(0)) } };
}
const _: hostbind::AioPeekFn = aio_peek;

#[unsafe(no_mangle)]
pub extern "C" fn aio_call_guest(ctx: *mut HostbindCtx) -> i32 {
    // SAFETY: the shim passes a valid context; no view of guest memory is held across the call.
    unsafe { (*ctx).guest_ping() }
}
const _: hostbind::AioCallGuestFn = aio_call_guest;

#[unsafe(no_mangle)]
pub extern "C" fn aio_upper(out: *mut HostbindOut, _ctx: *mut HostbindCtx, text: HostbindStr) {
    // SAFETY: the shim passes a valid out for the call; an error has already set the trap.
    let _ = unsafe { &mut *out }.set_str(&text.as_str().to_uppercase());
}
const _: hostbind::AioUpperFn = aio_upper;

#[unsafe(no_mangle)]
pub extern "C" fn aio_nothing(_ctx: *mut HostbindCtx) {}
const _: hostbind::AioNothingFn = aio_nothing;

#[unsafe(no_mangle)]
pub extern "C" fn aio_add(_ctx: *mut HostbindCtx, a: i32, b: i32) -> i32 {
    a + b
}
const _: hostbind::AioAddFn = aio_add;

/// At close(): how many sleeps had returned (close() waits for one in flight).
#[unsafe(no_mangle)]
pub extern "C" fn hostbind_close_async(_ctx: *mut HostbindCtx) {
    eprintln!("closed after {} sleeps", STATE.lock().unwrap().2);
}
