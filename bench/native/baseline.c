/*
 * Native side of the hand-written baselines: the same work as the generated
 * cases (result k = m + k for one i32 parameter m), written the way a user
 * would bind it by hand.
 */
#define _GNU_SOURCE
#include <stdint.h>

#include "probe.h"

/* 1 result, no context: the target of the hand-written arrow wrapper. */
int32_t b_one(int32_t a) {
  PROBE(0);
  return a;
}

/* 1 result, with an (unused) context pointer, as hostbind's ABI passes one. */
int32_t b_one_ctx(void *ctx, int32_t a) {
  PROBE(1);
  (void)ctx;
  return a;
}

typedef struct {
  int32_t r0;
  int32_t r1;
} b_pair;

/* 2 results through an out-pointer (the out-pointer rule, written by hand). */
void b_two(b_pair *out, int32_t a) {
  PROBE(2);
  out->r0 = a;
  out->r1 = a + 1;
}

/* 2 results as a struct returned by value (Deno's `{ struct: [...] }`). */
b_pair b_two_val(int32_t a) {
  PROBE(3);
  b_pair p = {a, a + 1};
  return p;
}

/* 1 result of 64-bit integer type, with a context pointer. */
int64_t b_one_i64(void *ctx, int64_t a) {
  PROBE(4);
  (void)ctx;
  return a;
}

/* 1 result of double type, with a context pointer. */
double b_one_f64(void *ctx, double a) {
  PROBE(5);
  (void)ctx;
  return a;
}
