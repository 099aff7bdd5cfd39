//! The native side of the rust-pair example: a cdylib built with plain
//! `rustc --crate-type cdylib -O`, no crates.
//!
//! The types come from `gen/pair.rs`, which hostbind generates beside the C
//! header (`--targets c,deno,bun,rust`): the context `HostbindCtx`, one
//! `#[repr(C)]` struct per import with two or more results, and one
//! `extern "C" fn` type alias per import, all with compile-time layout checks.
//! Each import with two or more results takes, in this order, a pointer to its
//! result struct, the context, then its parameters — the shape the Wasmtime
//! proposal sketches as `extern "C" fn foo(outptr: *mut A, vmctx: *mut Ctx, ...)`.

#[path = "gen/pair.rs"]
mod hostbind;

use hostbind::{GeomRectResult, HostbindCtx, StatsSumMeanResult};

/// `void stats_sum_mean(stats_sum_mean_result *out, hostbind_ctx *ctx, int64_t lo, int64_t hi);`
#[unsafe(no_mangle)]
pub extern "C" fn stats_sum_mean(out: *mut StatsSumMeanResult, ctx: *mut HostbindCtx, lo: i64, hi: i64) {
    // SAFETY: the binding passes a valid context and a writable, aligned result struct.
    let (out, ctx) = unsafe { (&mut *out, &mut *ctx) };
    if lo > hi {
        ctx.trap(1, "empty range (lo > hi)");
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

// Each function checked against the signature hostbind derived for its import:
// a mismatch in any parameter or the result struct is a compile error here.
const _: hostbind::StatsSumMeanFn = stats_sum_mean;
const _: hostbind::GeomRectFn = geom_rect;
