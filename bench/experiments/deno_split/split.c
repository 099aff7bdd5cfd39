/*
 * Issue 22 item 3, an experiment: the bench's BigInt imports called with each
 * i64 parameter split into two i32 halves (no BigInt, no argument block), the
 * results written by the native function straight into the out-area.
 */
#undef HOSTBIND_IMPLEMENTATION /* the shims are bench_impl.c's */
#include "bench.h"

#define JOIN(lo, hi) ((int64_t)(((uint64_t)(uint32_t)(hi) << 32) | (uint32_t)(lo)))

void split_one_i64(int64_t *out, hostbind_ctx *ctx, int32_t lo, int32_t hi) {
  *out = bench_one_i64(ctx, JOIN(lo, hi));
}

void split_three_i64(bench_three_i64_result *out, hostbind_ctx *ctx, int32_t alo, int32_t ahi, int32_t blo, int32_t bhi, int32_t clo, int32_t chi) {
  bench_three_i64(out, ctx, JOIN(alo, ahi), JOIN(blo, bhi), JOIN(clo, chi));
}

void split_two_mixed(bench_two_mixed_result *out, hostbind_ctx *ctx, int32_t lo, int32_t hi, double b) {
  bench_two_mixed(out, ctx, JOIN(lo, hi), b);
}

void split_four_mixed(bench_four_mixed_result *out, hostbind_ctx *ctx, int32_t a, int32_t lo, int32_t hi, float c, double d) {
  bench_four_mixed(out, ctx, a, JOIN(lo, hi), c, d);
}

/*
 * The memory path's shims with the Host's stub memory passed as their one
 * argument instead of found through the thread-local pointer (the block at 368).
 */
#include <string.h>
#define BLOCK(base) ((base) + 368)

void based_one_i64(unsigned char *base) {
  int64_t a;
  memcpy(&a, BLOCK(base), 8);
  int64_t r = bench_one_i64((hostbind_ctx *)base, a);
  memcpy(BLOCK(base), &r, 8);
}

void based_three_i64(unsigned char *base) {
  int64_t a, b, c;
  memcpy(&a, BLOCK(base), 8);
  memcpy(&b, BLOCK(base) + 8, 8);
  memcpy(&c, BLOCK(base) + 16, 8);
  bench_three_i64_result r;
  bench_three_i64(&r, (hostbind_ctx *)base, a, b, c);
  memcpy(BLOCK(base), &r.r0, 8);
  memcpy(BLOCK(base) + 8, &r.r1, 8);
}

void based_two_mixed(unsigned char *base) {
  int64_t a;
  double b;
  memcpy(&a, BLOCK(base), 8);
  memcpy(&b, BLOCK(base) + 8, 8);
  bench_two_mixed_result r;
  bench_two_mixed(&r, (hostbind_ctx *)base, a, b);
  memcpy(BLOCK(base), &r.r0, 8);
  memcpy(BLOCK(base) + 8, &r.r1, 8);
}

void based_four_mixed(unsigned char *base) {
  int32_t a;
  int64_t b;
  float c;
  double d;
  memcpy(&a, BLOCK(base), 4);
  memcpy(&b, BLOCK(base) + 8, 8);
  memcpy(&c, BLOCK(base) + 16, 4);
  memcpy(&d, BLOCK(base) + 24, 8);
  bench_four_mixed_result r;
  bench_four_mixed(&r, (hostbind_ctx *)base, a, b, c, d);
  memcpy(BLOCK(base), &r.r0, 4);
  memcpy(BLOCK(base) + 8, &r.r1, 8);
  memcpy(BLOCK(base) + 16, &r.r2, 4);
  memcpy(BLOCK(base) + 24, &r.r3, 8);
}
