/* Native side of the GC churn test: cheap, exact formulas the guest recomputes. */
#include "churn.h"

void churn_pair(churn_pair_result *out, hostbind_ctx *ctx, int32_t x) {
  (void)ctx;
  out->a = (int32_t)((uint32_t)x * 3u + 1u);
  out->b = (int64_t)(((uint64_t)(int64_t)x << 20) ^ 0x5555u);
}

void churn_triple(churn_triple_result *out, hostbind_ctx *ctx, int64_t x, double y) {
  (void)ctx;
  out->f0 = y * 2.0;
  out->f1 = (int32_t)((uint32_t)x ^ 7u);
  out->f2 = (uint64_t)x * 0x9E3779B97F4A7C15ull;
}

void churn_quad(churn_quad_result *out, hostbind_ctx *ctx, int32_t x) {
  (void)ctx;
  out->f0 = (float)((uint32_t)x & 0xffffu);
  out->f1 = (double)x + 0.5;
  out->f2 = ~x;
  out->f3 = -(int64_t)x;
}
