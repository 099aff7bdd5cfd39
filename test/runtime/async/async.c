/* The native side of test/runtime/async.test.ts: async imports (run off the JS thread). */
#define HOSTBIND_IMPLEMENTATION
#include "async.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static unsigned active, most;
static int finished;

int32_t aio_sleep(hostbind_ctx *ctx, uint32_t ms) {
  (void)ctx;
  usleep(ms * 1000);
  pthread_mutex_lock(&lock);
  finished++;
  pthread_mutex_unlock(&lock);
  return (int32_t)ms * 2;
}

uint32_t aio_gather(hostbind_ctx *ctx, uint32_t n) {
  struct timespec until;
  uint32_t seen;
  (void)ctx;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += 5;
  pthread_mutex_lock(&lock);
  active++;
  if (active > most) most = active;
  pthread_cond_broadcast(&changed);
  while (most < n && pthread_cond_timedwait(&changed, &lock, &until) == 0) {
  }
  seen = most;
  active--;
  pthread_mutex_unlock(&lock);
  return seen;
}

void aio_divmod(aio_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b) {
  if (b == 0) {
    hostbind_trap(ctx, 7, "division by zero");
    return;
  }
  out->quot = a / b;
  out->rem = a % b;
}

void aio_peek(aio_peek_result *out, hostbind_ctx *ctx, hostbind_str text) {
  (void)ctx;
  out->len = (uint32_t)text.len;
  out->first = text.len > 0 ? (uint8_t)text.ptr[0] : 0;
}

int32_t aio_call_guest(hostbind_ctx *ctx) {
  return guest_ping(ctx);
}

void aio_upper(hostbind_out *out, hostbind_ctx *ctx, hostbind_str text) {
  char up[64];
  size_t n = text.len < sizeof up ? text.len : sizeof up;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    up[i] = (char)toupper((unsigned char)text.ptr[i]);
  }
  hostbind_out_bytes(out, up, n);
}

void aio_nothing(hostbind_ctx *ctx) {
  (void)ctx;
}

int32_t aio_add(hostbind_ctx *ctx, int32_t a, int32_t b) {
  (void)ctx;
  return a + b;
}

/* At close(): how many sleeps had returned (close() waits for one in flight). */
void hostbind_close_async(hostbind_ctx *ctx) {
  (void)ctx;
  pthread_mutex_lock(&lock);
  fprintf(stderr, "closed after %d sleeps\n", finished);
  pthread_mutex_unlock(&lock);
  fflush(stderr);
}
