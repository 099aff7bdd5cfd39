/*
 * Fast-path probe for the benchmark's native libraries.
 *
 * Built with -DHB_PROBE, every benchmark function records who called it:
 * Deno's fast ("turbocall") path enters native code from JIT code in
 * anonymous memory, so dladdr() finds no object for the return address;
 * the slow path enters through libffi inside the deno executable, so
 * dladdr() names the executable. A function on the memory call path is
 * called by its shim, in this same library: then the shim's own caller is
 * the one that counts (one frame up; the probe build keeps frame pointers).
 * Without HB_PROBE the probe compiles to nothing and the timed libraries
 * carry no cost for it.
 */
#ifndef HB_BENCH_PROBE_H
#define HB_BENCH_PROBE_H

#include <stddef.h>
#include <stdint.h>

#define HB_PROBE_SLOTS 64

#ifdef HB_PROBE
#include <dlfcn.h>

static int64_t hb_probe_fast[HB_PROBE_SLOTS];
static int64_t hb_probe_slow[HB_PROBE_SLOTS];

__attribute__((noinline)) static void hb_probe(int slot, void *return_address) {
  Dl_info info;
  if (dladdr(return_address, &info) != 0 && info.dli_fname != NULL) {
    hb_probe_slow[slot]++;
  } else {
    hb_probe_fast[slot]++;
  }
}

/* True when `address` is code of this very library (a hostbind shim calling the function). */
__attribute__((noinline)) static int hb_probe_own(void *address) {
  Dl_info mine;
  Dl_info theirs;
  return dladdr((void *)&hb_probe_own, &mine) != 0 && dladdr(address, &theirs) != 0 && mine.dli_fbase == theirs.dli_fbase;
}

#define PROBE(slot) \
  do { \
    void *hb_ra = __builtin_return_address(0); \
    hb_probe((slot), hb_probe_own(hb_ra) ? __builtin_return_address(1) : hb_ra); \
  } while (0)
#else
static int64_t hb_probe_fast[HB_PROBE_SLOTS];
static int64_t hb_probe_slow[HB_PROBE_SLOTS];
#define PROBE(slot) ((void)0)
#endif

/* Calls counted in `slot` since the last reset: fast path (which = 0) or slow (which = 1). */
int64_t probe_count(int32_t slot, int32_t which) {
  if (slot < 0 || slot >= HB_PROBE_SLOTS) return -1;
  return which ? hb_probe_slow[slot] : hb_probe_fast[slot];
}

/* Zeroes every counter. */
void probe_reset(void) {
  for (int i = 0; i < HB_PROBE_SLOTS; i++) hb_probe_fast[i] = hb_probe_slow[i] = 0;
}

#endif
