/*
 * The guest: an ordinary C program compiled to wasm32-wasi by clang, with
 * wasi-libc (Debian's clang, lld, wasi-libc and libclang-rt-14-dev-wasm32).
 * printf goes through WASI, which the runtime provides (node:wasi); the two
 * functions of module "native" are served by the native library (native.c)
 * through hostbind's bindings.
 *
 * native.divmod returns two values: with -mmultivalue and the experimental
 * multi-value ABI, clang imports it as (func (param i32 i32) (result i32 i32)),
 * and hostbind hands native code an out-pointer to fill. Build it at -O0:
 * clang 14 miscompiles callers of multi-value functions at -O1 and above.
 */
#include <stdint.h>
#include <stdio.h>

/* Two results come back as a struct of two fields: a multi-value return. */
typedef struct { int32_t quot; int32_t rem; } divmod_result;

__attribute__((import_module("native"), import_name("divmod")))
divmod_result native_divmod(int32_t a, int32_t b);

__attribute__((import_module("native"), import_name("checksum")))
uint32_t native_checksum(const char *text, uint32_t len);

int main(void) {
  const int32_t pairs[][2] = {{17, 5}, {-17, 5}, {100, 7}};
  for (int i = 0; i < 3; i++) {
    divmod_result r = native_divmod(pairs[i][0], pairs[i][1]);
    printf("divmod(%d, %d) = quot %d, rem %d\n", pairs[i][0], pairs[i][1], r.quot, r.rem);
  }
  const char text[] = "hello from wasi";
  printf("checksum(\"%s\") = %u\n", text, native_checksum(text, sizeof text - 1));
  return 0;
}
