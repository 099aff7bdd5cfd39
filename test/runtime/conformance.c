/*
 * The native side of the conformance declarations (conformance_decls.ts),
 * written against the generated header only. Each function does one small,
 * checkable thing; the guest (conformance.wat) checks the results inside wasm.
 */
#include <math.h>
#include <stdio.h>
#include "conformance.h"

static int32_t nops = 0;

void env_nop(hostbind_ctx *ctx) { (void)ctx; nops++; }
int32_t env_nop_count(hostbind_ctx *ctx) { (void)ctx; return nops; }

int32_t env_id_i32(hostbind_ctx *ctx, int32_t x) { (void)ctx; return x; }
uint32_t env_id_u32(hostbind_ctx *ctx, uint32_t x) { (void)ctx; return x; }
int64_t env_id_i64(hostbind_ctx *ctx, int64_t x) { (void)ctx; return x; }
uint64_t env_id_u64(hostbind_ctx *ctx, uint64_t x) { (void)ctx; return x; }
float env_id_f32(hostbind_ctx *ctx, float x) { (void)ctx; return x; }
double env_id_f64(hostbind_ctx *ctx, double x) { (void)ctx; return x; }

double env_u32_to_f64(hostbind_ctx *ctx, uint32_t x) { (void)ctx; return (double)x; }
double env_u64_to_f64(hostbind_ctx *ctx, uint64_t x) { (void)ctx; return (double)x; }
double env_i64_to_f64(hostbind_ctx *ctx, int64_t x) { (void)ctx; return (double)x; }

void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b) {
  if (b == 0) {
    hostbind_trap(ctx, 7, "division by zero");
    return;
  }
  out->quot = a / b;
  out->rem = a % b;
}

void env_spread(env_spread_result *out, hostbind_ctx *ctx, int32_t a, uint32_t b, int64_t c, uint64_t d, float e,
                double f) {
  (void)ctx;
  out->a = a + 1;
  out->b = b - 1u;
  out->c = c * 2;
  out->d = d + 1u;
  out->e = e * 2.0f;
  out->f = -f;
}

void env_swap(env_swap_result *out, hostbind_ctx *ctx, int64_t a, float b) {
  (void)ctx;
  out->f0 = b;
  out->f1 = a;
}

void env_fail(hostbind_ctx *ctx, int32_t code) {
  char message[64];
  snprintf(message, sizeof message, "failed with code %d", (int)code);
  hostbind_trap(ctx, code, message);
}

double env_checked_sqrt(hostbind_ctx *ctx, double x) {
  if (x < 0) {
    hostbind_trap(ctx, 22, "negative input");
    return 0;
  }
  return sqrt(x);
}

int32_t env_fail_long(hostbind_ctx *ctx) {
  char message[400];
  for (size_t i = 0; i < sizeof message - 1; i++) message[i] = (char)('a' + i % 26);
  message[sizeof message - 1] = '\0';
  hostbind_trap(ctx, -1, message);
  return 5;
}

uint32_t env_mem_sum(hostbind_ctx *ctx, uint32_t ptr, uint32_t len) {
  const uint8_t *p = (const uint8_t *)hostbind_guest_ptr(ctx, ptr, len);
  if (p == NULL) {
    hostbind_trap(ctx, 1, "out of bounds");
    return 0;
  }
  uint32_t sum = 0;
  for (uint32_t i = 0; i < len; i++) sum += p[i];
  return sum;
}

uint64_t env_mem_size(hostbind_ctx *ctx) { return ctx->memory_size; }

uint64_t env_user_data(hostbind_ctx *ctx) { return (uint64_t)(uintptr_t)ctx->user_data; }

int32_t math_lib_add(int32_t a, int32_t b) { return a + b; }

void math_lib_minmax(math_lib_minmax_result *out, double a, double b) {
  out->min = a < b ? a : b;
  out->max = a < b ? b : a;
}
