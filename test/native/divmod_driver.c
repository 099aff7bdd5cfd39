/*
 * Calls the divmod library (divmod.c, linked as a shared library) the way a
 * binding would, with a hostbind_ctx over a fake guest memory, and checks the
 * results and the header's inline helpers. Prints one line per failed check
 * and "ok N" at the end; exits 1 on any failure.
 */
#include "divmod.h"

#include <stdio.h>
#include <string.h>

static int checks = 0;
static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    checks++;                                                         \
    if (!(cond)) {                                                    \
      failures++;                                                     \
      printf("FAIL line %d: %s\n", __LINE__, #cond);                  \
    }                                                                 \
  } while (0)

static void test_divmod(hostbind_ctx *ctx) {
  env_divmod_result r = {0, 0};
  env_divmod(&r, ctx, 7, 2);
  CHECK(r.quot == 3 && r.rem == 1);
  env_divmod(&r, ctx, -7, 2);
  CHECK(r.quot == -3 && r.rem == -1);
  CHECK(ctx->trapped == 0);
  env_divmod(&r, ctx, 1, 0);
  CHECK(ctx->trapped == 1 && ctx->trap_code == 1);
  CHECK(strcmp(ctx->trap_message, "division by zero") == 0);
}

static void test_guest_ptr(hostbind_ctx *ctx) {
  static uint8_t guest[16];
  CHECK(hostbind_guest_ptr(ctx, 0, 0) == NULL); /* no memory bound yet */
  ctx->memory = guest;
  ctx->memory_size = sizeof guest;
  CHECK(hostbind_guest_ptr(ctx, 0, 16) == guest);
  CHECK(hostbind_guest_ptr(ctx, 8, 8) == guest + 8);
  CHECK(hostbind_guest_ptr(ctx, 16, 0) == guest + 16); /* empty range at the end */
  CHECK(hostbind_guest_ptr(ctx, 16, 1) == NULL);
  CHECK(hostbind_guest_ptr(ctx, 17, 0) == NULL);
  CHECK(hostbind_guest_ptr(ctx, 0, 17) == NULL);
  CHECK(hostbind_guest_ptr(ctx, UINT32_MAX, 2) == NULL); /* no 32-bit wrap-around */
  CHECK(hostbind_guest_ptr(ctx, 1, UINT32_MAX) == NULL);
}

static void test_trap(hostbind_ctx *ctx) {
  char long_message[300];
  memset(long_message, 'x', sizeof long_message - 1);
  long_message[sizeof long_message - 1] = '\0';
  ctx->trapped = 0;
  hostbind_trap(ctx, -5, long_message);
  CHECK(ctx->trapped == 1 && ctx->trap_code == -5);
  CHECK(strlen(ctx->trap_message) == HOSTBIND_TRAP_MESSAGE_SIZE - 1);
  CHECK(ctx->trap_message[0] == 'x' && ctx->trap_message[222] == 'x');
  /* The first trap of a call wins: a second one changes nothing. */
  hostbind_trap(ctx, 3, "later");
  CHECK(ctx->trap_code == -5 && ctx->trap_message[0] == 'x');
  ctx->trapped = 0; /* as the binding does when the call returns */
  hostbind_trap(ctx, 3, NULL);
  CHECK(ctx->trap_code == 3 && ctx->trap_message[0] == '\0');
  ctx->trapped = 0;
  hostbind_trap(ctx, 4, "");
  CHECK(ctx->trap_code == 4 && ctx->trap_message[0] == '\0');
}

static void test_now_and_log(hostbind_ctx *ctx) {
  int32_t sink = 0;
  double t0 = env_now(ctx);
  double t1 = env_now(ctx);
  CHECK(t0 >= 0.0 && t1 >= t0);
  env_log(ctx, 42); /* no user data: must not crash */
  ctx->user_data = &sink;
  env_log(ctx, 42);
  CHECK(sink == 42);
}

int main(void) {
  hostbind_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  test_guest_ptr(&ctx);
  memset(&ctx, 0, sizeof ctx);
  test_divmod(&ctx);
  test_trap(&ctx);
  memset(&ctx, 0, sizeof ctx);
  test_now_and_log(&ctx);
  printf("%s %d\n", failures == 0 ? "ok" : "failed", checks);
  return failures == 0 ? 0 : 1;
}
