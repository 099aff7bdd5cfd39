//! The native side of the rust-pair example: a cdylib built with plain
//! `rustc --crate-type cdylib -O`, no crates.
//!
//! Each import with two or more results takes, in this order, a pointer to a
//! `#[repr(C)]` result struct, the context, then its parameters — the shape
//! the Wasmtime proposal sketches as
//! `extern "C" fn foo(outptr: *mut A, vmctx: *mut Ctx, ...)`. The structs
//! mirror the ones in the generated gen/pair.h field for field.

use core::ffi::{c_char, c_void};

/// Mirrors `hostbind_ctx` from gen/pair.h (checked by the header's static
/// assertions on the C side, and by `_CTX_SIZE` below on this one).
#[repr(C)]
pub struct HostbindCtx {
    pub memory: *mut u8,
    pub memory_size: u64,
    pub user_data: *mut c_void,
    pub trap_code: i32,
    pub trapped: i32,
    pub trap_message: [c_char; 224],
}

const _CTX_SIZE: () = assert!(core::mem::size_of::<HostbindCtx>() == 256);

/// The Rust twin of the header's `hostbind_trap()`: records a trap that the
/// binding throws as `HostTrap` once this call returns.
fn trap(ctx: &mut HostbindCtx, code: i32, message: &str) {
    let n = message.len().min(ctx.trap_message.len() - 1);
    for (dst, src) in ctx.trap_message.iter_mut().zip(&message.as_bytes()[..n]) {
        *dst = *src as c_char;
    }
    ctx.trap_message[n] = 0;
    ctx.trap_code = code;
    ctx.trapped = 1;
}

/// `stats_sum_mean_result` in gen/pair.h: `int64_t sum; double mean;`.
#[repr(C)]
pub struct StatsSumMeanResult {
    pub sum: i64,
    pub mean: f64,
}

/// `geom_rect_result` in gen/pair.h: `uint32_t area; uint32_t perimeter; float aspect;`.
#[repr(C)]
pub struct GeomRectResult {
    pub area: u32,
    pub perimeter: u32,
    pub aspect: f32,
}

// The sizes the header asserts with HOSTBIND_STATIC_ASSERT, checked again here.
const _RESULT_SIZES: () = assert!(
    core::mem::size_of::<StatsSumMeanResult>() == 16 && core::mem::size_of::<GeomRectResult>() == 12
);

/// `void stats_sum_mean(stats_sum_mean_result *out, hostbind_ctx *ctx, int64_t lo, int64_t hi);`
#[unsafe(no_mangle)]
pub extern "C" fn stats_sum_mean(out: *mut StatsSumMeanResult, ctx: *mut HostbindCtx, lo: i64, hi: i64) {
    // SAFETY: the binding passes a valid context and a writable, aligned result struct.
    let (out, ctx) = unsafe { (&mut *out, &mut *ctx) };
    if lo > hi {
        trap(ctx, 1, "sum_mean: empty range (lo > hi)");
        return;
    }
    // i128 so that no range of i64s overflows the intermediate sum.
    let count = (hi as i128) - (lo as i128) + 1;
    let sum = ((lo as i128) + (hi as i128)) * count / 2;
    out.sum = sum as i64;
    out.mean = (lo as f64 + hi as f64) / 2.0;
}

/// `void geom_rect(geom_rect_result *out, hostbind_ctx *ctx, uint32_t w, uint32_t h);`
#[unsafe(no_mangle)]
pub extern "C" fn geom_rect(out: *mut GeomRectResult, _ctx: *mut HostbindCtx, w: u32, h: u32) {
    // SAFETY: as above; this function does not use the context.
    let out = unsafe { &mut *out };
    out.area = w.wrapping_mul(h);
    out.perimeter = w.wrapping_add(h).wrapping_mul(2);
    out.aspect = w as f32 / h as f32;
}
