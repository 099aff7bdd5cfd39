/* The native side of experiments/shim_arg: one (i32, i32) -> i32 memory-path
 * shim two ways. `shim_tls` finds its Host's block as hostbind's header does
 * today (a thread-local pointer the wrapper sets through select_() when
 * another Host of the library was selected last); `shim_dbl` is handed the
 * Host's address as a double (exact below 2^53, and an f64-only signature
 * is one node:ffi hands over raw), so it needs neither. */
#include <stdint.h>
#include <string.h>

static _Thread_local unsigned char *base;

void select_(void *b) { base = b; }

/* The user's function, kept out of line as it is in a real library. */
__attribute__((noinline)) int32_t add(void *ctx, int32_t a, int32_t b) {
  (void)ctx;
  return a + b;
}

void shim_tls(void) {
  unsigned char *block = base + 256;
  int32_t a, b, r;
  memcpy(&a, block, 4);
  memcpy(&b, block + 8, 4);
  r = add(base, a, b);
  memcpy(block, &r, 4);
}

void shim_dbl(double host) {
  unsigned char *at = (unsigned char *)(uintptr_t)host;
  unsigned char *block = at + 256;
  int32_t a, b, r;
  memcpy(&a, block, 4);
  memcpy(&b, block + 8, 4);
  r = add(at, a, b);
  memcpy(block, &r, 4);
}
