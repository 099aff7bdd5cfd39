/* The native side of the async bench: a sleep, and nothing at all. */
#define _DEFAULT_SOURCE
#define HOSTBIND_IMPLEMENTATION
#include "bench.h"

#include <unistd.h>

void aio_sleep(hostbind_ctx *ctx, uint32_t ms) {
  (void)ctx;
  usleep(ms * 1000);
}

void aio_nothing(hostbind_ctx *ctx) {
  (void)ctx;
}
