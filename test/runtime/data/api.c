/* The native side of api.d.ts, for test/runtime/data.test.ts. */
#define HOSTBIND_IMPLEMENTATION
#include "api.h"

#include <stdlib.h>

static uint32_t last;

void host_log(hostbind_ctx *ctx, hostbind_str msg) {
  (void)ctx;
  last = (uint32_t)msg.len;
}

void host_upper(hostbind_out *out, hostbind_ctx *ctx, hostbind_str text) {
  char buf[256];
  size_t n = text.len < sizeof buf ? text.len : sizeof buf;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    char c = text.ptr[i];
    buf[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  hostbind_out_bytes(out, buf, n);
}

uint32_t host_sum(hostbind_ctx *ctx, hostbind_bytes data) {
  uint32_t s = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < data.len; i++) s += data.ptr[i];
  return s;
}

void host_twice(hostbind_out *out, hostbind_ctx *ctx, hostbind_bytes data) {
  uint8_t *b = malloc(data.len * 2 + 1);
  (void)ctx;
  memcpy(b, data.ptr, data.len);
  memcpy(b + data.len, data.ptr, data.len);
  hostbind_out_bytes(out, b, data.len * 2);
  free(b);
}

void host_echo(hostbind_out *out, hostbind_ctx *ctx, hostbind_str text) {
  (void)ctx;
  hostbind_out_bytes(out, text.ptr, text.len);
}

void host_fill(hostbind_out *out, hostbind_ctx *ctx, uint32_t byte, uint32_t count) {
  uint8_t *b = malloc(count + 1);
  (void)ctx;
  memset(b, (int)byte, count);
  hostbind_out_bytes(out, b, count);
  free(b);
}

void host_bad_text(hostbind_out *out, hostbind_ctx *ctx) {
  (void)ctx;
  hostbind_out_str(out, "ok\xC3(");
}

void host_twice_set(hostbind_out *out, hostbind_ctx *ctx) {
  (void)ctx;
  if (hostbind_out_str(out, "one") == 0) hostbind_out_str(out, "two");
}

int32_t host_call_double(hostbind_ctx *ctx, int32_t n) {
  int32_t r = guest_double(ctx, n);
  return ctx->trapped ? 0 : r + 1;
}

uint32_t host_grow_pages(hostbind_ctx *ctx, int32_t by) {
  guest_grow(ctx, by);
  return (uint32_t)(ctx->memory_size / 65536);
}

int32_t host_call_boom(hostbind_ctx *ctx) {
  guest_boom(ctx);
  return ctx->trapped ? 0 : 7;
}

void host_huge(hostbind_out *out, hostbind_ctx *ctx) {
  size_t size = ((size_t)1 << 32) + 1;
  uint8_t *b = calloc(size, 1);
  if (b == NULL) {
    hostbind_trap(ctx, 1, "huge: calloc failed");
    return;
  }
  hostbind_out_bytes(out, b, size);
  free(b);
}

int32_t host_call_nest(hostbind_ctx *ctx, int32_t n) {
  int32_t inner;
  if (n <= 0) return 0;
  inner = guest_nest(ctx, n - 1);
  return ctx->trapped ? 0 : inner + 1;
}

uint32_t host_last_len(hostbind_ctx *ctx) {
  (void)ctx;
  return last;
}
