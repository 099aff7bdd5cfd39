/* Every import of le.d.ts. */
#include <string.h>

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
int32_t le_peek(hostbind_ctx *ctx, uint32_t p) {
  int32_t v;
  const void *at = hostbind_guest_ptr(ctx, p, sizeof v);
  if (at == NULL) {
    hostbind_trap(ctx, 1, "out of bounds");
    return 0;
  }
  memcpy(&v, at, sizeof v);
  return v;
}
