/*
 * The native side of the c-divmod example: one function per import declared
 * in divmod.d.ts, with the prototypes from the generated gen/divmod.h.
 */
#include <stdint.h>
#include <stdio.h>

/* Compiles the header's call shims here, once: the Node bindings call through them. */
#define HOSTBIND_IMPLEMENTATION
#include "divmod.h"

/* Two results: written through the out-pointer, which comes first. */
void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b) {
  if (b == 0) {
    hostbind_trap(ctx, 1, "division by zero");
    return;
  }
  if (a == INT32_MIN && b == -1) {
    hostbind_trap(ctx, 2, "divmod: quotient overflows i32");
    return;
  }
  out->quot = a / b;
  out->rem = a % b;
}

/* One result: returned directly. */
int32_t env_gcd(hostbind_ctx *ctx, int32_t a, int32_t b) {
  (void)ctx;
  uint32_t x = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
  uint32_t y = b < 0 ? 0u - (uint32_t)b : (uint32_t)b;
  while (y != 0) {
    uint32_t t = x % y;
    x = y;
    y = t;
  }
  return (int32_t)x;
}

/* No result. C's stdout is separate from the runtime's console, so flush to keep lines in order. */
void env_report(hostbind_ctx *ctx, int32_t num, int32_t den) {
  (void)ctx;
  printf("  [C] report: %d/%d\n", (int)num, (int)den);
  fflush(stdout);
}
