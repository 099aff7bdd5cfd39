/*
 * The native side of experiments/node_outarea: the bench's (i32) -> i32,
 * (i32) -> [i32, i32] and (i32) -> [i32 x4] functions, and their memory-path
 * shims two ways: `copy`, as the header writes them today (the results into a
 * local struct, then field by field into the block), and `out`, the native
 * function given the out-area of the call's nesting depth (the stub stores the
 * depth in the block after the arguments) and nothing copied.
 */
#include <stdint.h>
#include <string.h>

typedef struct { int32_t r0, r1; } two_result;
typedef struct { int32_t r0, r1, r2, r3; } four_result;

#define BLOCK 256
#define OUT_TWO 64
#define OUT_FOUR 80
#define STRIDE 512

static _Thread_local unsigned char *base;

void select_(void *b) { base = b; }

int32_t one(void *ctx, int32_t a) {
  int64_t s = (int64_t)a;
  (void)ctx;
  return (int32_t)s;
}

void two(two_result *out, void *ctx, int32_t a) {
  int64_t s = (int64_t)a;
  (void)ctx;
  out->r0 = (int32_t)(s + 0);
  out->r1 = (int32_t)(s + 1);
}

void four(four_result *out, void *ctx, int32_t a) {
  int64_t s = (int64_t)a;
  (void)ctx;
  out->r0 = (int32_t)(s + 0);
  out->r1 = (int32_t)(s + 1);
  out->r2 = (int32_t)(s + 2);
  out->r3 = (int32_t)(s + 3);
}

void shim_one(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  memcpy(&a, block, sizeof a);
  int32_t r = one(base, a);
  memcpy(block, &r, sizeof r);
}

void shim_two_copy(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  memcpy(&a, block, sizeof a);
  two_result r;
  two(&r, base, a);
  memcpy(block, &r.r0, sizeof r.r0);
  memcpy(block + 4, &r.r1, sizeof r.r1);
}

void shim_four_copy(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  memcpy(&a, block, sizeof a);
  four_result r;
  four(&r, base, a);
  memcpy(block, &r.r0, sizeof r.r0);
  memcpy(block + 4, &r.r1, sizeof r.r1);
  memcpy(block + 8, &r.r2, sizeof r.r2);
  memcpy(block + 12, &r.r3, sizeof r.r3);
}

void shim_two_out(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  uint32_t depth;
  memcpy(&a, block, sizeof a);
  memcpy(&depth, block + 8, sizeof depth);
  two((two_result *)(base + OUT_TWO + (size_t)depth * STRIDE), base, a);
}

void shim_four_out(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  uint32_t depth;
  memcpy(&a, block, sizeof a);
  memcpy(&depth, block + 8, sizeof depth);
  four((four_result *)(base + OUT_FOUR + (size_t)depth * STRIDE), base, a);
}

/* The out-area at depth 0, always: a nested call's stub saves and restores what the outer call wrote. */
void shim_two_area(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  memcpy(&a, block, sizeof a);
  two((two_result *)(base + OUT_TWO), base, a);
}

void shim_four_area(void) {
  unsigned char *block = base + BLOCK;
  int32_t a;
  memcpy(&a, block, sizeof a);
  four((four_result *)(base + OUT_FOUR), base, a);
}
