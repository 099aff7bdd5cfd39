/*
 * The native side of the async-io example: an ordinary blocking file read,
 * served to the guest as an async import (fs.read returns Promise<i32> in
 * files.d.ts). hostbind runs it on another thread while the guest waits,
 * so the JS thread keeps running timers. A sync import prints.
 */
/* usleep() is POSIX, outside strict C11. */
#define _DEFAULT_SOURCE
#define HOSTBIND_IMPLEMENTATION
#include "files.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A stand-in for a slow disk or a network file system: every read takes this long. */
#define SLOW_READ_MS 40

int32_t fs_read(hostbind_ctx *ctx, hostbind_str path, uint32_t buf, uint32_t cap) {
  char name[256];
  uint8_t *dst = hostbind_guest_ptr(ctx, buf, cap);
  if (dst == NULL) {
    hostbind_trap(ctx, 1, "fs.read: the buffer is outside guest memory");
    return -1;
  }
  if (path.len >= sizeof name) return -1;
  memcpy(name, path.ptr, path.len);
  name[path.len] = '\0';
  usleep(SLOW_READ_MS * 1000);
  FILE *file = fopen(name, "rb");
  if (file == NULL) return -1;
  size_t n = fread(dst, 1, cap, file);
  fclose(file);
  return (int32_t)n;
}

void fs_report(hostbind_ctx *ctx, hostbind_str path, int32_t bytes, uint32_t lines, uint32_t words) {
  (void)ctx;
  if (bytes < 0) {
    printf("%.*s: cannot be read\n", (int)path.len, path.ptr);
  } else {
    printf("%.*s: %d bytes, %u lines, %u words\n", (int)path.len, path.ptr, bytes, lines, words);
  }
  fflush(stdout);
}
