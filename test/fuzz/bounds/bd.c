/* Native side of the bounds test: reports what hostbind_guest_ptr answers. */
#include "bd.h"

int64_t bd_probe(hostbind_ctx *ctx, uint32_t offset, uint32_t len) {
  uint8_t *p = (uint8_t *)hostbind_guest_ptr(ctx, offset, len);
  if (p == NULL) return -1;
  /* Touch the last byte: a wrong "in bounds" answer writes where the test can see it (or faults). */
  if (len > 0) p[len - 1] = 0xA5;
  return (int64_t)(p - ctx->memory);
}

uint64_t bd_size(hostbind_ctx *ctx) { return ctx->memory_size; }
