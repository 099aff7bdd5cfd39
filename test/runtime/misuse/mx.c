/* The native side of mx.d.ts (and, with -DMX_OLD, of mx_old.d.ts). */
#define HOSTBIND_IMPLEMENTATION
#include "mx.h"

#include <string.h>

#ifdef MX_OLD /* mx_old.d.ts and mx_old_last.d.ts */
void mx_pair(mx_pair_result *out, hostbind_ctx *ctx) {
  (void)ctx;
  out->f0 = 1;
  out->f1 = 2;
}
#endif

#ifdef MX_HOOKS
/* The library's own per-Host state, made by the open function and freed by the close function. */
#include <stdlib.h>

struct mx_state {
  void *given; /* what the host passed as userData */
};

static int32_t opened, closed;

void hostbind_open_mx(hostbind_ctx *ctx) {
  if ((intptr_t)ctx->user_data == 13) {
    hostbind_trap(ctx, 13, "refused");
    return;
  }
  struct mx_state *state = malloc(sizeof *state);
  state->given = ctx->user_data;
  ctx->user_data = state;
  opened++;
}

void hostbind_close_mx(hostbind_ctx *ctx) {
  free(ctx->user_data);
  ctx->user_data = NULL;
  closed++;
}

/* How many Hosts were opened and closed, for the test to read. */
int32_t mx_hooks_count(int32_t which) { return which == 0 ? opened : closed; }

int64_t mx_who(hostbind_ctx *ctx, int64_t x) { return (int64_t)(intptr_t)((struct mx_state *)ctx->user_data)->given + x; }
#else
int64_t mx_who(hostbind_ctx *ctx, int64_t x) { return (int64_t)(intptr_t)ctx->user_data + x; }
#endif

uint32_t mx_size(hostbind_ctx *ctx) { return (uint32_t)ctx->memory_size; }

void mx_nest(mx_nest_result *out, hostbind_ctx *ctx, int32_t n) {
  /* The results first, then the callback into JS, which calls mx.nest again; a negative n traps after writing them. */
  out->a = n;
  out->b = 10 * n;
  if (n < 0) hostbind_trap(ctx, 9, "negative");
  else if (n > 0) ((void (*)(int32_t))ctx->user_data)(n - 1);
}

void mx_long_trap(hostbind_ctx *ctx, int32_t count) {
  char text[1024];
  size_t n = 0;
  for (int32_t i = 0; i < count && n + 2 < sizeof text; i++) {
    text[n++] = (char)0xC3;
    text[n++] = (char)0xA9;
  }
  text[n] = '\0';
  hostbind_trap(ctx, 7, text);
}
