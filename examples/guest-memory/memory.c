/*
 * The native side of the guest-memory example: it reads and writes the
 * guest's linear memory through hostbind_ctx, with the prototypes from the
 * generated gen/memory.h.
 */
#include <stdint.h>
#include <stdio.h>

/* Compiles the header's call shims here, once: the Node bindings call through them. */
#define HOSTBIND_IMPLEMENTATION
#include "memory.h"

/* Traps with a message naming the range; returns NULL so callers can `return 0` right after. */
/* (The HostTrap's message starts with the import's name already.) */
static void *out_of_bounds(hostbind_ctx *ctx, uint32_t ptr, uint32_t len) {
  char message[HOSTBIND_TRAP_MESSAGE_SIZE];
  snprintf(message, sizeof message, "bytes [%lu, %lu) are outside guest memory of %lu bytes",
           (unsigned long)ptr, (unsigned long)((uint64_t)ptr + len), (unsigned long)ctx->memory_size);
  hostbind_trap(ctx, 1, message);
  return NULL;
}

uint32_t mem_checksum(hostbind_ctx *ctx, uint32_t ptr, uint32_t len) {
  /* hostbind_guest_ptr checks the whole range against the memory's size at this call. */
  const uint8_t *bytes = hostbind_guest_ptr(ctx, ptr, len);
  if (bytes == NULL) {
    out_of_bounds(ctx, ptr, len);
    return 0;
  }
  uint32_t a = 1, b = 0;
  for (uint32_t i = 0; i < len; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

uint32_t mem_upcase(hostbind_ctx *ctx, uint32_t ptr, uint32_t len) {
  uint8_t *bytes = hostbind_guest_ptr(ctx, ptr, len);
  if (bytes == NULL) {
    out_of_bounds(ctx, ptr, len);
    return 0;
  }
  uint32_t changed = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (bytes[i] >= 'a' && bytes[i] <= 'z') {
      bytes[i] = (uint8_t)(bytes[i] - 'a' + 'A');
      changed++;
    }
  }
  return changed;
}

uint64_t mem_size(hostbind_ctx *ctx) {
  return ctx->memory_size;
}
