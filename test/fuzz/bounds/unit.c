/*
 * hostbind_guest_ptr at the edges, on a hand-made context (no runtime):
 * NULL memory, empty ranges, ranges ending exactly at the end and one byte
 * past it, offset + len overflowing uint32, and a full 4 GiB memory.
 * Prints one line per failed check and exits with the number of failures.
 */
#include "bd.h"
#include <stdio.h>
#include <string.h>

static int failures;

/* Addresses compare as integers: `want` may lie past a real buffer (the 4 GiB case). */
static void expect_ptr(hostbind_ctx *ctx, uint32_t off, uint32_t len, int in, int line) {
  uintptr_t got = (uintptr_t)hostbind_guest_ptr(ctx, off, len);
  uintptr_t want = in ? (uintptr_t)ctx->memory + off : 0;
  if (got != want) {
    printf("line %d: hostbind_guest_ptr(%u, %u) = %#lx, expected %#lx\n", line, off, len,
           (unsigned long)got, (unsigned long)want);
    failures++;
  }
}
#define IN(ctx, off, len) expect_ptr(ctx, off, len, 1, __LINE__)
#define OUT(ctx, off, len) expect_ptr(ctx, off, len, 0, __LINE__)

/* A context as the bindings fill it: memory base and size, everything else zero. */
static hostbind_ctx context(uint8_t *memory, uint64_t size) {
  hostbind_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.memory = memory;
  ctx.memory_size = size;
  return ctx;
}

int main(void) {
  static uint8_t buf[65536];
  hostbind_ctx unbound = context(NULL, 0);
  /* Before bind(): memory is NULL, so every range is out, even an empty one. */
  OUT(&unbound, 0, 0);
  OUT(&unbound, 0, 1);
  OUT(&unbound, 0xFFFFFFFFu, 0xFFFFFFFFu);
  /* ... and traps with the reserved code; a trap raised after it does not replace it. */
  hostbind_trap(&unbound, 1, "out of bounds");
  if (!unbound.trapped || unbound.trap_code != HOSTBIND_TRAP_NO_MEMORY || strcmp(unbound.trap_message, "no guest memory is bound") != 0) {
    printf("line %d: no HOSTBIND_TRAP_NO_MEMORY trap before bind (code %d, \"%s\")\n", __LINE__, unbound.trap_code, unbound.trap_message);
    failures++;
  }

  hostbind_ctx ctx = context(buf, sizeof buf);
  IN(&ctx, 0, 0);
  IN(&ctx, 0, 1);
  IN(&ctx, 0, 65536);         /* all of memory */
  OUT(&ctx, 0, 65537);
  OUT(&ctx, 1, 65536);
  IN(&ctx, 65535, 1);         /* last byte */
  OUT(&ctx, 65535, 2);        /* one byte past the end */
  IN(&ctx, 65536, 0);         /* empty range at the very end */
  OUT(&ctx, 65536, 1);
  OUT(&ctx, 65537, 0);        /* empty range past the end */
  IN(&ctx, 65532, 4);
  OUT(&ctx, 65533, 4);
  /* offset + len wraps in 32 bits (to 0, 15, 0xFFFFFFFE): must not pass as small. */
  OUT(&ctx, 0xFFFFFFFFu, 1);
  OUT(&ctx, 1, 0xFFFFFFFFu);
  OUT(&ctx, 0xFFFFFFF0u, 0x1F);
  OUT(&ctx, 0xFFFFFFFFu, 0xFFFFFFFFu);
  OUT(&ctx, 0x80000000u, 0x80000000u);
  OUT(&ctx, 0xFFFFFFFFu, 0);

  /* A 4 GiB memory (the wasm32 maximum) at a made-up address: only compared, never dereferenced. */
  hostbind_ctx big = context((uint8_t *)(uintptr_t)0x100000000000ull, 0x100000000ull);
  IN(&big, 0xFFFFFFFFu, 1);
  IN(&big, 0, 0xFFFFFFFFu);
  IN(&big, 1, 0xFFFFFFFFu);   /* ends exactly at 2^32 */
  OUT(&big, 2, 0xFFFFFFFFu);
  OUT(&big, 0xFFFFFFFFu, 2);
  IN(&big, 0xFFFFFFFFu, 0);

  printf("%d failures\n", failures);
  return failures;
}
