/*
 * The native side of the AssemblyScript example: it implements the imports
 * declared in guest.d.ts, as gen/guest.h prototypes them, and reads
 * AssemblyScript strings out of guest memory through hostbind_guest_ptr().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compiles the header's call shims here, once: the Node bindings call through them. */
#define HOSTBIND_IMPLEMENTATION
#include "guest.h"

/*
 * Copies the AssemblyScript string at guest offset `ptr` into `out` as
 * UTF-8 (code points below U+0800; others become '?'), NUL-terminated.
 * Returns 0, or -1 when the string lies outside guest memory.
 */
static int read_as_string(hostbind_ctx *ctx, uint32_t ptr, char *out, size_t cap) {
  const uint8_t *size = hostbind_guest_ptr(ctx, ptr - 4, 4);
  if (ptr < 4 || size == NULL) return -1;
  uint32_t bytes;
  memcpy(&bytes, size, 4);
  const uint8_t *units = hostbind_guest_ptr(ctx, ptr, bytes);
  if (units == NULL) return -1;
  size_t n = 0;
  for (uint32_t i = 0; i + 1 < bytes && n + 4 < cap; i += 2) {
    uint32_t c = (uint32_t)units[i] | ((uint32_t)units[i + 1] << 8);
    if (c < 0x80) {
      out[n++] = (char)c;
    } else if (c < 0x800) {
      out[n++] = (char)(0xC0 | (c >> 6));
      out[n++] = (char)(0x80 | (c & 0x3F));
    } else {
      out[n++] = '?';
    }
  }
  out[n] = '\0';
  return 0;
}

void env_console_log(hostbind_ctx *ctx, uint32_t message) {
  char text[256];
  if (read_as_string(ctx, message, text, sizeof text) != 0) {
    hostbind_trap(ctx, 1, "console.log: the string is outside guest memory");
    return;
  }
  printf("guest says: %s\n", text);
  fflush(stdout);
}

int32_t env_add_scaled(hostbind_ctx *ctx, int32_t a, int32_t b) {
  (void)ctx;
  return a * b;
}

void env_abort(hostbind_ctx *ctx, uint32_t message, uint32_t file_name, uint32_t line, uint32_t column) {
  char text[96];
  char file[96];
  char trap[224];
  if (read_as_string(ctx, message, text, sizeof text) != 0) strcpy(text, "(unreadable message)");
  if (read_as_string(ctx, file_name, file, sizeof file) != 0) strcpy(file, "(unknown file)");
  snprintf(trap, sizeof trap, "%s at %s:%u:%u", text, file, (unsigned)line, (unsigned)column);
  hostbind_trap(ctx, 2, trap);
}

void text_shout(hostbind_out *out, hostbind_ctx *ctx, hostbind_str text) {
  char *loud = malloc(text.len + 1);
  size_t i;
  if (loud == NULL) {
    hostbind_trap(ctx, 3, "shout: out of memory");
    return;
  }
  for (i = 0; i < text.len; i++) {
    char c = text.ptr[i];
    loud[i] = (char)(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
  }
  /* Copied into the guest's memory: ours to free. */
  hostbind_out_bytes(out, loud, text.len);
  free(loud);
}
