/*
 * The guest: an ordinary C program for wasm32-wasi (clang, wasi-libc) that
 * uses a host API with strings and bytes, declared the way wit-bindgen's C
 * output declares them: a string or list<u8> parameter is (ptr, len); a
 * list<u8> result takes a pointer to a return area where the host writes
 * (ptr, len), in memory the host got from this guest's cabi_realloc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint8_t *ptr;
  size_t len;
} bytes_t;

__attribute__((import_module("host"), import_name("log")))
void host_log(const char *msg, size_t len);

__attribute__((import_module("host"), import_name("read_file")))
void host_read_file(const char *path, size_t len, bytes_t *ret);

__attribute__((import_module("host"), import_name("count_lines_with")))
uint32_t host_count_lines_with(const uint8_t *text, size_t len, const char *word, size_t word_len);

/* The allocator the host calls for results: the canonical ABI's realloc. */
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  (void)align;
  return realloc(old, new_size);
}

/* The host prints too: what this program printed goes out first. */
static void say(const char *text) {
  fflush(stdout);
  host_log(text, strlen(text));
}

int main(void) {
  const char *path = "data/poem.txt";
  bytes_t poem;
  say("reading data/poem.txt");
  host_read_file(path, strlen(path), &poem);
  size_t lines = 0;
  for (size_t i = 0; i < poem.len; i++) lines += poem.ptr[i] == '\n';
  const char *end = memchr(poem.ptr, '\n', poem.len);
  printf("%zu bytes, %zu lines; the first: %.*s\n", poem.len, lines, (int)(end - (const char *)poem.ptr), (const char *)poem.ptr);
  printf("lines with \"the\": %u\n", host_count_lines_with(poem.ptr, poem.len, "the", 3));
  free(poem.ptr);
  /* The next call traps, and a trap ends the program without exit()'s flush. */
  fflush(stdout);
  say("reading data/missing.txt");
  bytes_t missing;
  host_read_file("data/missing.txt", 16, &missing);
  printf("not reached\n");
  return 0;
}
