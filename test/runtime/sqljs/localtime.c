/* sql.js's localtime served natively (see sqljs.d.ts), counting its calls. */
#define HOSTBIND_IMPLEMENTATION
#include "sqljs.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int calls;

int32_t a_A(hostbind_ctx *ctx, int64_t when, int32_t tm) {
  time_t t = (time_t)when;
  struct tm local;
  int32_t fields[10];
  uint8_t *out = hostbind_guest_ptr(ctx, (uint32_t)tm, sizeof fields);
  calls++;
  if (out == NULL || localtime_r(&t, &local) == NULL) return 1;
  /* Emscripten's struct tm: nine ints, then tm_gmtoff at 36 (the rest is sql.js's). */
  fields[0] = local.tm_sec;
  fields[1] = local.tm_min;
  fields[2] = local.tm_hour;
  fields[3] = local.tm_mday;
  fields[4] = local.tm_mon;
  fields[5] = local.tm_year;
  fields[6] = local.tm_wday;
  fields[7] = local.tm_yday;
  fields[8] = local.tm_isdst > 0;
  fields[9] = (int32_t)local.tm_gmtoff;
  memcpy(out, fields, sizeof fields);
  return 0;
}

/* At the Host's close(): how many calls sql.js made into native code. */
void hostbind_close_sqljs(hostbind_ctx *ctx) {
  (void)ctx;
  fprintf(stderr, "native localtime calls: %d\n", calls);
  fflush(stderr);
}
