/* Only le_one: le_zero, le_two and le_three are missing. */
#include "le.h"

int32_t le_one(hostbind_ctx *ctx, int32_t x) { (void)ctx; return x; }
