/*
 * The Go runtime's clocks for esbuild's Go build, served natively (see
 * esbuild.d.ts). Go hands each import its stack pointer; the results go to
 * the stack slots after it, little-endian, as wasm_exec.js writes them.
 */
#define HOSTBIND_IMPLEMENTATION
#include "esbuild.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int nanotime_calls, walltime_calls;

void gojs_runtime_nanotime1(hostbind_ctx *ctx, int32_t sp) {
  struct timespec now;
  int64_t ns;
  uint8_t *slot = hostbind_guest_ptr(ctx, (uint32_t)sp + 8, sizeof ns);
  if (slot == NULL) {
    hostbind_trap(ctx, 1, "runtime.nanotime1: the stack slot is outside guest memory");
    return;
  }
  clock_gettime(CLOCK_MONOTONIC, &now);
  ns = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
  memcpy(slot, &ns, sizeof ns);
  nanotime_calls++;
}

void gojs_runtime_walltime(hostbind_ctx *ctx, int32_t sp) {
  struct timespec now;
  int64_t sec;
  int32_t nsec;
  uint8_t *slot = hostbind_guest_ptr(ctx, (uint32_t)sp + 8, 12);
  if (slot == NULL) {
    hostbind_trap(ctx, 1, "runtime.walltime: the stack slots are outside guest memory");
    return;
  }
  clock_gettime(CLOCK_REALTIME, &now);
  sec = (int64_t)now.tv_sec;
  nsec = (int32_t)now.tv_nsec;
  memcpy(slot, &sec, sizeof sec);
  memcpy(slot + 8, &nsec, sizeof nsec);
  walltime_calls++;
}

/* At the Host's close(): how often Go read each clock from native code. */
void hostbind_close_esbuild(hostbind_ctx *ctx) {
  (void)ctx;
  fprintf(stderr, "native clock calls: nanotime1 %d, walltime %d\n", nanotime_calls, walltime_calls);
  fflush(stderr);
}
