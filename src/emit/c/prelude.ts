/**
 * The part of every generated header that does not depend on the
 * declarations: `hostbind_ctx`, the two inline helpers and the portability
 * macros. It sits under its own guard (`HOSTBIND_CTX_DEFINED`) so several
 * generated headers can share one translation unit; the static assertions of
 * the context's layout are generated from {@link CTX}, the table the TS
 * runtimes read, so C and TS cannot drift apart silently.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { emitPrelude } from "./prelude.ts";
 * const w = new SourceWriter();
 * emitPrelude(w);
 * w.toString().includes("typedef struct hostbind_ctx {"); // true
 * ```
 * @module
 */
import { CTX, TRAP_NO_MEMORY } from "../../layout/context.ts";
import type { SourceWriter } from "../writer.ts";

/** The guard that keeps the shared definitions to one copy per translation unit. */
export const CTX_GUARD = "HOSTBIND_CTX_DEFINED";

/** One field of `hostbind_ctx`: its declaration, its offset in {@link CTX}, and what native code may do with it. */
interface CtxField {
  decl: string;
  name: string;
  offset: number;
  doc: string;
}

/** The fields in memory order; the offsets are the ones the TS runtimes use. */
const CTX_FIELDS: readonly CtxField[] = [
  {
    decl: "uint8_t *memory;",
    name: "memory",
    offset: CTX.memory,
    doc: "Base of the guest's linear memory; NULL until the host calls bind() (a bound\n"
      + "memory of 0 bytes has a base that is not NULL, with nothing to read there).\n"
      + "Read it afresh at every call (it changes when the guest grows its memory) and\n"
      + "reach guest data through hostbind_guest_ptr(). Never write this field.",
  },
  {
    decl: "uint64_t memory_size;",
    name: "memory_size",
    offset: CTX.memorySize,
    doc: "Size of the guest's linear memory in bytes; 0 until bound. Read only.",
  },
  {
    decl: "void *user_data;",
    name: "user_data",
    offset: CTX.userData,
    doc: "What the host application passed to load() as userData (NULL when none).\n"
      + "hostbind never dereferences it; native code may read it freely.",
  },
  {
    decl: "int32_t trap_code;",
    name: "trap_code",
    offset: CTX.trapCode,
    doc: "The code of the pending trap. Set it only through hostbind_trap().",
  },
  {
    decl: "int32_t trapped;",
    name: "trapped",
    offset: CTX.trapped,
    doc: "Nonzero once hostbind_trap() was called during the current call; the binding\n"
      + "checks it when the call returns and then resets it. Set it only through hostbind_trap().",
  },
  {
    decl: "char trap_message[HOSTBIND_TRAP_MESSAGE_SIZE];",
    name: "trap_message",
    offset: CTX.trapMessage,
    doc: "The pending trap's message, NUL-terminated. Set it only through hostbind_trap().",
  },
];

/** Writes the shared definitions, guarded by {@link CTX_GUARD}. */
export function emitPrelude(w: SourceWriter): void {
  w.line(`#ifndef ${CTX_GUARD}`);
  w.line(`#define ${CTX_GUARD}`);
  w.blank();
  emitMacros(w);
  w.blank();
  emitCtxStruct(w);
  w.blank();
  emitCtxAssertions(w);
  w.blank();
  emitTrap(w);
  w.blank();
  emitGuestPtr(w);
  w.blank();
  w.line(`#endif /* ${CTX_GUARD} */`);
  w.blank();
  emitCheckMacros(w);
}

/**
 * The guard of the layout-check macros. They have their own guard, after the
 * context's, so a header from an older hostbind that defined the context
 * first (without them) does not hide them.
 */
export const CHECK_GUARD = "HOSTBIND_CHECK_SIZE";

/**
 * Macros for the result structs' layout checks: one short line per number,
 * `HOSTBIND_CHECK_OFFSET(env_divmod_result, rem, 4, "");`. The message says
 * which check failed; the compiler shows the failing line, which names the
 * struct and field. (Names are not stringified into the message: C does not
 * promise string literals longer than 4,095 characters, and names may be
 * that long.) Big headers carry tens of thousands of these lines.
 */
function emitCheckMacros(w: SourceWriter): void {
  w.docComment(
    "Layout checks of the result structs: size, alignment and field offsets. The\n"
      + "failing line names the struct and field; `where` is \"\" or a note such as \" on i686\".",
    "c",
  );
  w.line(`#ifndef ${CHECK_GUARD}`);
  w.line("#define HOSTBIND_CHECK_SIZE(type, size, where) \\");
  w.line('  HOSTBIND_STATIC_ASSERT(sizeof(type) == (size), "hostbind result struct: size differs from the bindings" where)');
  w.line("#define HOSTBIND_CHECK_ALIGN(type, align, where) \\");
  w.line('  HOSTBIND_STATIC_ASSERT(HOSTBIND_ALIGNOF(type) == (align), "hostbind result struct: alignment differs from the bindings" where)');
  w.line("#define HOSTBIND_CHECK_OFFSET(type, field, offset, where) \\");
  w.line('  HOSTBIND_STATIC_ASSERT(offsetof(type, field) == (offset), "hostbind result struct: a field offset differs from the bindings" where)');
  w.line("#endif");
}

function emitMacros(w: SourceWriter): void {
  w.docComment("Static assertions and alignof, spelled for both C11 and C++.", "c");
  w.line("#ifdef __cplusplus");
  w.line("#define HOSTBIND_STATIC_ASSERT(cond, msg) static_assert(cond, msg)");
  w.line("#define HOSTBIND_ALIGNOF(type) alignof(type)");
  w.line("#else");
  w.line("#define HOSTBIND_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)");
  w.line("#define HOSTBIND_ALIGNOF(type) _Alignof(type)");
  w.line("#endif");
  w.blank();
  w.docComment("Capacity of hostbind_ctx.trap_message, including the terminating NUL.", "c");
  w.line(`#define HOSTBIND_TRAP_MESSAGE_SIZE ${CTX.trapMessageSize}`);
  w.docComment("The trap code hostbind_guest_ptr() raises when no guest memory is bound (host.bind() not called yet).", "c");
  w.line(`#define HOSTBIND_TRAP_NO_MEMORY (${TRAP_NO_MEMORY})`);
}

function emitCtxStruct(w: SourceWriter): void {
  w.docComment(
    "The context of one loaded library, passed to every function not marked @noctx.\n"
      + "It lives in memory that never moves, for as long as the library is loaded;\n"
      + "a pointer to it stays valid across calls.",
    "c",
  );
  w.line("typedef struct hostbind_ctx {");
  w.indented(() => {
    for (const f of CTX_FIELDS) {
      w.docComment(f.doc, "c");
      w.line(f.decl);
    }
  });
  w.line("} hostbind_ctx;");
}

function emitCtxAssertions(w: SourceWriter): void {
  w.docComment("The layout the generated Deno, Bun and Node bindings rely on (64-bit targets).", "c");
  w.line("#if UINTPTR_MAX == UINT64_MAX");
  w.line(assertion(`sizeof(hostbind_ctx) == ${CTX.size}`, "hostbind_ctx: size"));
  w.line(assertion(`HOSTBIND_ALIGNOF(hostbind_ctx) == ${CTX.align}`, "hostbind_ctx: alignment"));
  for (const f of CTX_FIELDS) {
    w.line(assertion(`offsetof(hostbind_ctx, ${f.name}) == ${f.offset}`, `hostbind_ctx: offset of ${f.name}`));
  }
  w.line("#endif");
}

/** One `HOSTBIND_STATIC_ASSERT(cond, "msg");` line; `message` must not contain `"` or `\`. */
export function assertion(condition: string, message: string): string {
  return `HOSTBIND_STATIC_ASSERT(${condition}, "${message}");`;
}

function emitGuestPtr(w: SourceWriter): void {
  w.docComment(
    "A native pointer to `len` bytes of guest memory at `offset`, or NULL when the\n"
      + "range is not entirely inside the guest's memory. An empty range at the very end\n"
      + "of memory is in bounds. The pointer is valid until the current call returns (a\n"
      + "later call may see the memory grown and moved). With no memory bound (the host\n"
      + "has not called bind()) it also traps with HOSTBIND_TRAP_NO_MEMORY, and the\n"
      + "HostTrap names the import and says to bind: a trap the function raises after\n"
      + "that does not replace it. This is the form for a memory64 guest, whose offsets\n"
      + "and lengths are 64-bit (declared i64/u64; Deno and Node run them, Bun does not).",
    "c",
  );
  w.line("static inline void *hostbind_guest_ptr64(hostbind_ctx *ctx, uint64_t offset, uint64_t len) {");
  w.indented(() => {
    w.line("if (ctx->memory == NULL) {");
    w.indented(() => {
      w.line("hostbind_trap(ctx, HOSTBIND_TRAP_NO_MEMORY, \"no guest memory is bound\");");
      w.line("return NULL;");
    });
    w.line("}");
    // Compared without `offset + len`, which could wrap.
    w.line("if (offset > ctx->memory_size || len > ctx->memory_size - offset) {");
    w.indented(() => w.line("return NULL;"));
    w.line("}");
    w.line("return ctx->memory + offset;");
  });
  w.line("}");
  w.blank();
  w.docComment("hostbind_guest_ptr64() for the 32-bit offsets and lengths of an ordinary guest.", "c");
  w.line("static inline void *hostbind_guest_ptr(hostbind_ctx *ctx, uint32_t offset, uint32_t len) {");
  w.indented(() => w.line("return hostbind_guest_ptr64(ctx, offset, len);"));
  w.line("}");
}

function emitTrap(w: SourceWriter): void {
  w.docComment(
    "Makes the current call trap: when the native function returns, the binding throws\n"
      + "HostTrap(code, message) into the guest's caller instead of returning results.\n"
      + "The message is copied (cut to at most HOSTBIND_TRAP_MESSAGE_SIZE - 1 bytes, never\n"
      + "inside a UTF-8 sequence; NULL means empty), so it may live on the stack. Return\n"
      + "promptly after calling this; whatever the function returns or writes to `out` is\n"
      + "ignored. The first trap of a call is the one reported: later calls to this during\n"
      + "the same call do nothing.",
    "c",
  );
  w.line("static inline void hostbind_trap(hostbind_ctx *ctx, int32_t code, const char *message) {");
  w.indented(() => {
    w.line("size_t n = 0;");
    w.line("if (ctx->trapped) {");
    w.indented(() => w.line("return;"));
    w.line("}");
    w.line("if (message != NULL) {");
    w.indented(() => {
      w.line("for (; n < HOSTBIND_TRAP_MESSAGE_SIZE - 1 && message[n] != '\\0'; n++) {");
      w.indented(() => w.line("ctx->trap_message[n] = message[n];"));
      w.line("}");
    });
    w.line("}");
    w.line("/* Cut at a whole UTF-8 sequence: back off continuation bytes (10xxxxxx) to the lead byte that the cut split. */");
    w.line("if (message != NULL && message[n] != '\\0') {");
    w.indented(() => {
      w.line("size_t lead = n;");
      w.line("while (lead > 0 && ((unsigned char)message[lead] & 0xC0) == 0x80) {");
      w.indented(() => w.line("lead--;"));
      w.line("}");
      w.line("n = lead;");
    });
    w.line("}");
    w.line("ctx->trap_message[n] = '\\0';");
    w.line("ctx->trap_code = code;");
    w.line("ctx->trapped = 1;");
  });
  w.line("}");
}
