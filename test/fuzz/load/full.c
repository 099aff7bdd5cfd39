/* Every import of le.d.ts. */
#include "le.h"

static int32_t last;

void le_zero(hostbind_ctx *ctx, int32_t x) { (void)ctx; last = x; }
int32_t le_one(hostbind_ctx *ctx, int32_t x) { (void)ctx; return x + last; }
void le_two(le_two_result *out, hostbind_ctx *ctx, int32_t x) {
  (void)ctx;
  out->f0 = x;
  out->f1 = (int64_t)x * 2;
}
double le_three(hostbind_ctx *ctx) { (void)ctx; return 3.5; }
