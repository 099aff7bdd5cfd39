/**
 * The C side of the data types (docs/abi.md §7): the views a `string` or
 * `Uint8Array` parameter arrives as (`hostbind_str`, `hostbind_bytes`), the
 * `hostbind_out` a function hands a `string`/`Uint8Array` result over
 * through, and the inline helpers the call shims check views with. Shared
 * by every header under its own guard, like the context.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitDataTypes } from "./data.ts";
 * const w = new SourceWriter();
 * emitDataTypes(w);
 * w.toString().includes("typedef struct hostbind_str {"); // true
 * ```
 * @module
 */
import { TRAP_ALLOC, TRAP_BOUNDS, TRAP_GUEST, TRAP_UTF8 } from "../../layout/context.ts";
import type { SourceWriter } from "../writer.ts";

/** The guard of the data definitions (their own, so a header from an older hostbind that defined the context does not hide them). */
export const DATA_GUARD = "HOSTBIND_DATA_DEFINED";

/** The definitions, as C text (one block: it is the same for every header). */
const DATA_C = String.raw`
/** The trap code of a string or bytes parameter outside guest memory, or of a result area outside it. */
#define HOSTBIND_TRAP_BOUNDS (${TRAP_BOUNDS})
/** The trap code of a string parameter or result that is not UTF-8. */
#define HOSTBIND_TRAP_UTF8 (${TRAP_UTF8})
/** The trap code of a call into the guest that trapped, or was made before host.bind(). */
#define HOSTBIND_TRAP_GUEST (${TRAP_GUEST})
/** The trap code of a result the guest's allocator could not take (see hostbind_out_bytes). */
#define HOSTBIND_TRAP_ALLOC (${TRAP_ALLOC})

/**
 * A string parameter: UTF-8 text in guest memory, already checked to be inside it and
 * UTF-8. It is not NUL-terminated: use ptr and len. Valid until the function returns
 * (or, if it calls into the guest, until that call: the guest may move its memory).
 */
typedef struct hostbind_str {
  const char *ptr;
  size_t len;
} hostbind_str;

/** A Uint8Array parameter: bytes in guest memory, already checked to be inside it; valid as long as a hostbind_str. */
typedef struct hostbind_bytes {
  const uint8_t *ptr;
  size_t len;
} hostbind_bytes;

/**
 * Where a function that returns a string or Uint8Array hands its result over: call
 * hostbind_out_bytes() or hostbind_out_str() once. The bytes are copied into memory from
 * the guest's allocator, so they may live anywhere (a local buffer, a view of a
 * parameter). Not set at all, the result is empty. The fields are the shims'.
 */
typedef struct hostbind_out {
  hostbind_ctx *ctx;
  /** The guest's allocator, called through the bindings: (size, align) -> guest offset. */
  uint32_t (*alloc)(uint32_t size, uint32_t align);
  /** The import, MODULE.NAME, for messages. */
  const char *import;
  /** Nonzero when the result is a string (checked to be UTF-8). */
  int32_t utf8;
  /** Nonzero once set. */
  int32_t set;
  /** Where the result landed in guest memory. */
  uint32_t ptr;
  uint32_t len;
  /**
   * An async import's result (alloc is NULL off the JS thread): a copy in native
   * memory, handed over to the guest's allocator back on the JS thread.
   */
  void *staged;
} hostbind_out;

/** The index of the first byte of data[0..len) that is not part of well-formed UTF-8, or len when all is. */
static inline size_t hostbind_utf8_error(const uint8_t *data, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint8_t c = data[i];
    size_t n;
    uint32_t min;
    uint32_t cp;
    size_t k;
    if (c < 0x80) {
      /* ASCII runs 8 bytes at a time: most text is mostly ASCII. */
      uint64_t word;
      while (len - i >= 8) {
        memcpy(&word, data + i, 8);
        if ((word & UINT64_C(0x8080808080808080)) != 0) {
          break;
        }
        i += 8;
      }
      while (i < len && data[i] < 0x80) {
        i++;
      }
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      min = 0x80;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      min = 0x800;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (len - i <= n) {
      return i;
    }
    for (k = 1; k <= n; k++) {
      if ((data[i + k] & 0xC0) != 0x80) {
        return i;
      }
      cp = (cp << 6) | (data[i + k] & 0x3F);
    }
    /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8. */
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += n + 1;
  }
  return len;
}

/** Keeps the rare paths (trap messages) out of line, off the path of a good call. */
#if defined(__GNUC__) || defined(__clang__)
#define HOSTBIND_COLD static __attribute__((cold, noinline, unused))
#else
#define HOSTBIND_COLD static inline
#endif

/** For hostbind_view: traps saying why the view is refused. */
HOSTBIND_COLD const uint8_t *hostbind_view_refused(hostbind_ctx *ctx, const char *import, const char *param, int utf8, uint32_t ptr, uint32_t len) {
  char message[HOSTBIND_TRAP_MESSAGE_SIZE];
  size_t bad;
  if (ctx->memory == NULL) {
    hostbind_trap(ctx, HOSTBIND_TRAP_NO_MEMORY, "no guest memory is bound");
    return NULL;
  }
  if ((uint64_t)ptr + len > ctx->memory_size) {
    snprintf(message, sizeof message, "%s: %s parameter %s (offset %lu, length %lu) is outside guest memory (%llu bytes)",
      import, utf8 ? "string" : "Uint8Array", param, (unsigned long)ptr, (unsigned long)len, (unsigned long long)ctx->memory_size);
    hostbind_trap(ctx, HOSTBIND_TRAP_BOUNDS, message);
    return NULL;
  }
  bad = hostbind_utf8_error(ctx->memory + ptr, len);
  snprintf(message, sizeof message, "%s: string parameter %s (offset %lu, length %lu) is not UTF-8: byte %zu is 0x%02x",
    import, param, (unsigned long)ptr, (unsigned long)len, bad, (unsigned)ctx->memory[ptr + bad]);
  hostbind_trap(ctx, HOSTBIND_TRAP_UTF8, message);
  return NULL;
}

/**
 * For the call shims: a native pointer to the string or bytes parameter param of
 * import (len bytes at guest offset ptr), checked to be inside guest memory and, when
 * utf8, UTF-8; NULL after a trap that says what is wrong.
 */
static inline const uint8_t *hostbind_view(hostbind_ctx *ctx, const char *import, const char *param, int utf8, uint32_t ptr, uint32_t len) {
  const uint8_t *view = (const uint8_t *)hostbind_guest_ptr(ctx, ptr, len);
  if (view != NULL && (!utf8 || hostbind_utf8_error(view, len) == len)) {
    return view;
  }
  return hostbind_view_refused(ctx, import, param, utf8, ptr, len);
}

/**
 * Hands over the result: len bytes at data are copied into memory the guest's
 * allocator gives (called once, also for 0 bytes). Returns 0, or -1 after a trap
 * (the allocator trapped or returned an address outside memory, a string result is
 * not UTF-8, the result is over 4 GiB or was already set): then return promptly.
 */
static inline int hostbind_out_bytes(hostbind_out *out, const void *data, size_t len) {
  hostbind_ctx *ctx = out->ctx;
  char message[HOSTBIND_TRAP_MESSAGE_SIZE];
  const uint8_t *bytes = (const uint8_t *)data;
  size_t bad;
  uint64_t inside = UINT64_MAX;
  uint32_t ptr;
  if (ctx->trapped) {
    return -1;
  }
  if (out->set) {
    snprintf(message, sizeof message, "%s: the result was handed over twice", out->import);
    hostbind_trap(ctx, HOSTBIND_TRAP_ALLOC, message);
    return -1;
  }
  if (len > UINT32_MAX) {
    snprintf(message, sizeof message, "%s: a result of %llu bytes is more than a 32-bit guest can address (4 GiB)", out->import, (unsigned long long)len);
    hostbind_trap(ctx, HOSTBIND_TRAP_ALLOC, message);
    return -1;
  }
  if (out->utf8 && len > 0 && (bad = hostbind_utf8_error(bytes, len)) != len) {
    snprintf(message, sizeof message, "%s: the string result (%zu bytes) is not UTF-8: byte %zu is 0x%02x", out->import, len, bad, (unsigned)bytes[bad]);
    hostbind_trap(ctx, HOSTBIND_TRAP_UTF8, message);
    return -1;
  }
  /* Off the JS thread (an async import) the allocator cannot be called: the bytes wait in a copy. */
  if (out->alloc == NULL) {
    if (len > 0) {
      out->staged = malloc(len);
      if (out->staged == NULL) {
        snprintf(message, sizeof message, "%s: no native memory for a result of %zu bytes", out->import, len);
        hostbind_trap(ctx, HOSTBIND_TRAP_ALLOC, message);
        return -1;
      }
      memcpy(out->staged, bytes, len);
    }
    out->len = (uint32_t)len;
    out->set = 1;
    return 0;
  }
  /* Bytes inside guest memory (a view of a parameter) are found again after the allocator, which may move it. */
  if (len > 0 && ctx->memory != NULL && bytes >= ctx->memory && (uint64_t)(bytes - ctx->memory) + len <= ctx->memory_size) {
    inside = (uint64_t)(bytes - ctx->memory);
  }
  ptr = out->alloc((uint32_t)len, 1);
  if (ctx->trapped) {
    return -1;
  }
  if ((ptr == 0 && len > 0) || (uint64_t)ptr + len > ctx->memory_size) {
    snprintf(message, sizeof message, "%s: the guest's allocator returned %lu for %zu bytes, which is not inside guest memory (%llu bytes)",
      out->import, (unsigned long)ptr, len, (unsigned long long)ctx->memory_size);
    hostbind_trap(ctx, HOSTBIND_TRAP_ALLOC, message);
    return -1;
  }
  if (len > 0) {
    memmove(ctx->memory + ptr, inside != UINT64_MAX ? ctx->memory + inside : bytes, len);
  }
  out->ptr = ptr;
  out->len = (uint32_t)len;
  out->set = 1;
  return 0;
}

/**
 * For the call shims: writes where the result landed, (ptr, len) as two
 * little-endian u32s, to the return area at guest offset retptr (checked before the
 * call; ctx->memory read afresh, as the allocator may have moved it).
 */
static inline void hostbind_out_write(hostbind_ctx *ctx, uint32_t retptr, const hostbind_out *out) {
  unsigned char *area = ctx->memory + retptr;
  uint32_t words[2];
  int i;
  words[0] = out->ptr;
  words[1] = out->len;
  for (i = 0; i < 8; i++) {
    area[i] = (unsigned char)(words[i / 4] >> (8 * (i % 4)));
  }
}

/** Hands over a NUL-terminated string as the result (see hostbind_out_bytes). */
static inline int hostbind_out_str(hostbind_out *out, const char *text) {
  return hostbind_out_bytes(out, text, strlen(text));
}
`;

/** Writes the data definitions, guarded by {@link DATA_GUARD}. */
export function emitDataTypes(w: SourceWriter): void {
  w.line(`#ifndef ${DATA_GUARD}`);
  w.line(`#define ${DATA_GUARD}`);
  w.lines(DATA_C.trim().split("\n"));
  w.line(`#endif /* ${DATA_GUARD} */`);
}
