/* The native side of proto.d.ts. */
#define HOSTBIND_IMPLEMENTATION
#include "proto.h"

int32_t memory(hostbind_ctx *ctx, int32_t x) {
  (void)ctx;
  return x + 1;
}

void proto_pair(proto_pair_result *out, hostbind_ctx *ctx, int32_t x) {
  (void)ctx;
  out->f0 = x;
  out->f1 = -x;
}

int64_t __proto__(hostbind_ctx *ctx, int64_t x) {
  (void)ctx;
  return 2 * x;
}
