/*
 * The native side of test/fixtures/divmod.d.ts, written from the contract in
 * docs/abi.md alone (C types, symbol names MODULE_NAME, the out-pointer rule,
 * result fields named by the tuple labels, hostbind_ctx and its helpers),
 * not from the generated header: if this stops compiling against divmod.h,
 * the header broke the contract.
 */
#include "divmod.h"

#include <time.h>

/* Two results: out-pointer first, then the context, then a and b. */
void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b) {
  if (b == 0) {
    hostbind_trap(ctx, 1, "division by zero");
    return;
  }
  if (a == INT32_MIN && b == -1) {
    hostbind_trap(ctx, 2, "integer overflow");
    return;
  }
  out->quot = a / b;
  out->rem = a % b;
}

static double milliseconds(void) {
  struct timespec ts;
  if (timespec_get(&ts, TIME_UTC) != TIME_UTC) return 0.0;
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* One result: returned directly; the context still comes first. */
double env_now(hostbind_ctx *ctx) {
  static double start = -1.0;
  double t = milliseconds();
  (void)ctx;
  if (start < 0.0) start = t;
  return t - start;
}

/* No result: void. The host application's userData, when given, is an int32_t sink. */
void env_log(hostbind_ctx *ctx, int32_t value) {
  if (ctx->user_data != NULL) *(int32_t *)ctx->user_data = value;
}
