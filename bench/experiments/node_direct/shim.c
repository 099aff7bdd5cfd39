/* The native side of experiments/node_direct: an (i32, i32) -> i32 import's
 * memory-path shim, as hostbind's header writes it (zero arguments, the
 * block found through a thread-local pointer that select_() sets). */
#include <stdint.h>
#include <string.h>

static _Thread_local unsigned char *base;

void select_(void *b) { base = b; }

static int32_t add(void *ctx, int32_t a, int32_t b) {
  (void)ctx;
  return a + b;
}

void shim_add(void) {
  unsigned char *block = base + 256;
  int32_t a, b, r;
  memcpy(&a, block, 4);
  memcpy(&b, block + 8, 4);
  r = add(base, a, b);
  memcpy(block, &r, 4);
}
