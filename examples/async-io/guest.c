/*
 * The guest: a C library for wasm32-wasi (clang, wasi-libc, built as a
 * reactor) that reads files through the host's fs.read, an async import
 * (see files.d.ts). To this code it is an ordinary blocking call; the host
 * runs run() through host.promising(), and the guest is suspended while a
 * read runs on a native thread.
 */
#include <stdint.h>
#include <string.h>

__attribute__((import_module("fs"), import_name("read")))
int32_t fs_read(const char *path, size_t len, uint8_t *buf, uint32_t cap);

__attribute__((import_module("fs"), import_name("report")))
void fs_report(const char *path, size_t len, int32_t bytes, uint32_t lines, uint32_t words);

static uint8_t buffer[65536];

static const char *const FILES[] = { "data/one.txt", "data/two.txt", "data/missing.txt", "data/three.txt" };

/* Reads each file, reports on it, and returns the bytes read in all. */
__attribute__((export_name("run")))
uint32_t run(void) {
  uint32_t total = 0;
  for (size_t f = 0; f < sizeof FILES / sizeof FILES[0]; f++) {
    const char *path = FILES[f];
    int32_t n = fs_read(path, strlen(path), buffer, sizeof buffer);
    uint32_t lines = 0, words = 0;
    int in_word = 0;
    for (int32_t i = 0; i < n; i++) {
      uint8_t c = buffer[i];
      lines += c == '\n';
      int space = c == ' ' || c == '\n' || c == '\t';
      words += !space && !in_word;
      in_word = !space;
    }
    fs_report(path, strlen(path), n, lines, words);
    if (n > 0) total += (uint32_t)n;
  }
  return total;
}
