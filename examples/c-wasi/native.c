/*
 * The native side of the c-wasi example: implements gen/native.h. The
 * guest's printf never reaches this library: WASI is the runtime's.
 */
/* Compiles the header's call shims here, once: the Node bindings call through them. */
#define HOSTBIND_IMPLEMENTATION
#include "native.h"

void native_divmod(native_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b) {
  if (b == 0) {
    hostbind_trap(ctx, 1, "divmod: division by zero");
    return;
  }
  out->quot = a / b;
  out->rem = a % b;
}

uint32_t native_checksum(hostbind_ctx *ctx, uint32_t text, uint32_t len) {
  const uint8_t *bytes = hostbind_guest_ptr(ctx, text, len);
  if (bytes == NULL) {
    hostbind_trap(ctx, 2, "checksum: the text is outside guest memory");
    return 0;
  }
  uint32_t sum = 0;
  for (uint32_t i = 0; i < len; i++) sum = sum * 31u + bytes[i];
  return sum;
}
