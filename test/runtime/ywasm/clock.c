/*
 * ywasm's clock served natively (see ywasm.d.ts): a clock that starts at the
 * real time and moves on a whole second at each reading, as if every edit
 * came a second after the last. The undo manager then never groups two
 * edits, which ywasm's own answer shows.
 */
#define HOSTBIND_IMPLEMENTATION
#include "ywasm.h"

#include <stdio.h>
#include <time.h>

static int calls;
static double last_ms;

double __wbindgen_placeholder_____wbg_now_ba25f0a487340763(hostbind_ctx *ctx) {
  (void)ctx;
  if (calls++ == 0) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    last_ms = (double)now.tv_sec * 1000.0 + (double)(now.tv_nsec / 1000000);
  } else {
    last_ms += 1000.0;
  }
  return last_ms;
}

/* At the Host's close(): how many times ywasm read the native clock. */
void hostbind_close_ywasm(hostbind_ctx *ctx) {
  (void)ctx;
  fprintf(stderr, "native clock readings: %d\n", calls);
  fflush(stderr);
}
