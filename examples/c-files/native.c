/*
 * The native library behind plugin.d.ts. Strings and bytes arrive as
 * checked views (hostbind_str, hostbind_bytes: pointer and length, not
 * NUL-terminated); read_file hands its result over with hostbind_out_bytes(),
 * which copies it into memory from the guest's allocator.
 */
#define HOSTBIND_IMPLEMENTATION
#include "plugin.h"

#include <errno.h>
#include <stdlib.h>

void host_log(hostbind_ctx *ctx, hostbind_str msg) {
  (void)ctx;
  printf("[host] %.*s\n", (int)msg.len, msg.ptr);
  fflush(stdout);
}

void host_read_file(hostbind_out *out, hostbind_ctx *ctx, hostbind_str path) {
  char name[121];
  char message[HOSTBIND_TRAP_MESSAGE_SIZE];
  FILE *file;
  unsigned char *data = NULL;
  size_t size = 0;
  size_t got;
  unsigned char chunk[4096];
  if (path.len >= sizeof name) {
    hostbind_trap(ctx, 1, "path too long");
    return;
  }
  memcpy(name, path.ptr, path.len);
  name[path.len] = '\0';
  file = fopen(name, "rb");
  if (file == NULL) {
    snprintf(message, sizeof message, "cannot open %.120s: %.60s", name, strerror(errno));
    hostbind_trap(ctx, 2, message);
    return;
  }
  while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) {
    unsigned char *grown = realloc(data, size + got);
    if (grown == NULL) {
      free(data);
      fclose(file);
      hostbind_trap(ctx, 3, "out of memory");
      return;
    }
    data = grown;
    memcpy(data + size, chunk, got);
    size += got;
  }
  fclose(file);
  /* Copied into the guest's memory: this buffer is ours to free. */
  hostbind_out_bytes(out, data, size);
  free(data);
}

uint32_t host_count_lines_with(hostbind_ctx *ctx, hostbind_bytes text, hostbind_str word) {
  uint32_t count = 0;
  size_t start = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i <= text.len; i++) {
    if (i == text.len || text.ptr[i] == '\n') {
      size_t j;
      for (j = start; word.len > 0 && j + word.len <= i; j++) {
        if (memcmp(text.ptr + j, word.ptr, word.len) == 0) {
          count++;
          break;
        }
      }
      start = i + 1;
    }
  }
  return count;
}
