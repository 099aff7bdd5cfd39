/**
 * The naming rules every output shares: how wasm module/function names
 * become C symbols (which name the native functions in the header, the
 * Rust mirror and the Deno/Bun bindings alike), which identifiers C and C++
 * reserve, and how native parameter and field names are made safe. The
 * spelling and escaping of each output language lives with its emitter.
 *
 * @example
 * ```ts
 * import { defaultSymbol, safeCName } from "./names.ts";
 * defaultSymbol("my-lib.v2", "do_thing"); // "my_lib_v2_do_thing"
 * safeCName("int");                        // "int_"
 * ```
 * @module
 */

/** C11 and C++17 keywords, C++ alternative tokens, and the C11 `_Keywords`. */
export const C_KEYWORDS: ReadonlySet<string> = new Set([
  // C11
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
  "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
  "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
  "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
  "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
  // C++17 (and the C++20 ones a C++17 compiler already warns about)
  "alignas", "alignof", "asm", "bool", "catch", "char16_t", "char32_t", "char8_t", "class",
  "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await", "co_return",
  "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export", "false", "friend",
  "mutable", "namespace", "new", "noexcept", "nullptr", "operator", "private", "protected",
  "public", "reinterpret_cast", "requires", "static_assert", "static_cast", "template", "this",
  "thread_local", "throw", "true", "try", "typeid", "typename", "using", "virtual", "wchar_t",
  // C++ alternative tokens
  "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
]);

/**
 * Names the generated header itself defines or includes, or that standard
 * headers define as macros; a symbol or field with one of these names would
 * not compile or would change meaning.
 */
export const HEADER_RESERVED: ReadonlySet<string> = new Set([
  "hostbind_ctx", "hostbind_guest_ptr", "hostbind_trap", "NULL", "offsetof", "errno", "assert",
  "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
  "size_t", "ptrdiff_t", "intptr_t", "uintptr_t", "max_align_t", "wchar_t", "main",
]);

/**
 * Functions of the C standard library that a library's own symbol must not
 * be: the headers hostbind's outputs include declare some (`memcpy` with
 * `HOSTBIND_IMPLEMENTATION`, `fprintf` and `abort` in the skeleton), so the
 * header would not compile, and defining the rest (`malloc`, `free`) in a
 * shared library takes them over for the whole process.
 */
export const C_LIBRARY_NAMES: ReadonlySet<string> = new Set([
  // <stdlib.h>
  "abort", "abs", "aligned_alloc", "at_quick_exit", "atexit", "atof", "atoi", "atol", "atoll", "bsearch", "calloc",
  "div", "exit", "free", "getenv", "labs", "ldiv", "llabs", "lldiv", "malloc", "mblen", "mbstowcs", "mbtowc",
  "qsort", "quick_exit", "rand", "realloc", "srand", "strtod", "strtof", "strtol", "strtold", "strtoll", "strtoul",
  "strtoull", "system", "wcstombs", "wctomb", "_Exit",
  // <string.h>
  "memchr", "memcmp", "memcpy", "memmove", "memset", "strcat", "strchr", "strcmp", "strcoll", "strcpy", "strcspn",
  "strerror", "strlen", "strncat", "strncmp", "strncpy", "strpbrk", "strrchr", "strspn", "strstr", "strtok",
  "strxfrm", "strdup", "strndup",
  // <stdio.h>
  "clearerr", "fclose", "feof", "ferror", "fflush", "fgetc", "fgetpos", "fgets", "fopen", "fprintf", "fputc", "fputs",
  "fread", "freopen", "fscanf", "fseek", "fsetpos", "ftell", "fwrite", "getc", "getchar", "gets", "perror", "printf",
  "putc", "putchar", "puts", "remove", "rename", "rewind", "scanf", "setbuf", "setvbuf", "snprintf", "sprintf",
  "sscanf", "tmpfile", "tmpnam", "ungetc", "vfprintf", "vfscanf", "vprintf", "vscanf", "vsnprintf", "vsprintf",
  "vsscanf", "stdin", "stdout", "stderr",
  // <ctype.h>, <time.h>, <signal.h>, <setjmp.h>
  "isalnum", "isalpha", "isblank", "iscntrl", "isdigit", "isgraph", "islower", "isprint", "ispunct", "isspace",
  "isupper", "isxdigit", "tolower", "toupper", "asctime", "clock", "ctime", "difftime", "gmtime", "localtime",
  "mktime", "strftime", "time", "timespec_get", "raise", "signal", "longjmp", "setjmp",
]);

/**
 * Functions of C's `<math.h>`: a library's own symbol must not be one (it
 * would take libm's function over for the process), but a `@noctx` import
 * may name one, binding the C library's own function (examples/libm).
 */
export const C_MATH_NAMES: ReadonlySet<string> = new Set([
  "acos", "asin", "atan", "atan2", "cos", "sin", "tan", "acosh", "asinh", "atanh", "cosh", "sinh", "tanh", "exp",
  "exp2", "expm1", "frexp", "ilogb", "ldexp", "log", "log10", "log1p", "log2", "logb", "modf", "scalbn", "scalbln",
  "cbrt", "fabs", "hypot", "pow", "sqrt", "erf", "erfc", "lgamma", "tgamma", "ceil", "floor", "nearbyint", "rint",
  "lrint", "llrint", "round", "lround", "llround", "trunc", "fmod", "remainder", "remquo", "copysign", "nan",
  "nextafter", "nexttoward", "fdim", "fmax", "fmin", "fma",
].flatMap((f) => [f, `${f}f`, `${f}l`]));

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True for a string that is syntactically a C identifier. */
export function isCIdentifier(s: string): boolean {
  return IDENT.test(s);
}

/**
 * Why `id` may not be used as a C symbol, or `undefined` when it may: not
 * an identifier, a C or C++ keyword, a name the header itself defines or
 * includes, or a function of the C standard library (of `<math.h>` only for
 * a `@noctx` import, `noctx`, which binds the C library's own). Names C merely reserves for the implementation are usable (see
 * {@link isReservedByC}).
 */
export function symbolProblem(id: string, noctx = false): string | undefined {
  if (id === "") return "it is empty";
  if (!isCIdentifier(id)) {
    return /^[0-9]/.test(id)
      ? "it starts with a digit"
      : "it contains characters other than letters, digits and `_`";
  }
  if (C_KEYWORDS.has(id)) return "it is a C/C++ keyword";
  if (HEADER_RESERVED.has(id)) return "the generated header or the C library already uses it";
  if (C_LIBRARY_NAMES.has(id)) {
    return "it is a function of the C standard library: a library defining it would not compile with the header "
      + "or would replace the C library's own for the whole process";
  }
  if (C_MATH_NAMES.has(id) && !noctx) {
    return "it is a function of C's <math.h>: only a @noctx import may name it (binding the C library's own function)";
  }
  if (id.startsWith("hostbind_")) return "the prefix `hostbind_` belongs to the generated header (its shims and helpers)";
  return undefined;
}

/**
 * True for an identifier C reserves for the implementation: one that starts
 * with `_` or contains `__`. Every C compiler accepts them, and real
 * toolchains name imports so (`__wbindgen_placeholder__`, Emscripten's
 * `_abort_js`), so hostbind only warns about derived symbols like these.
 *
 * @example
 * ```ts
 * isReservedByC("env___syscall_open"); // true
 * isReservedByC("env_now"); // false
 * ```
 */
export function isReservedByC(id: string): boolean {
  return id.startsWith("_") || id.includes("__");
}

/**
 * The default C symbol of an import: `MODULE_NAME` with every character
 * outside `[A-Za-z0-9_]` replaced by `_`. The result may still be
 * invalid (a leading digit, a keyword); check it with {@link symbolProblem}.
 */
export function defaultSymbol(module: string, name: string): string {
  return `${module}_${name}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** The name of the result struct of a multi-result import. */
export function resultStructName(symbol: string): string {
  return `${symbol}_result`;
}

/**
 * A parameter or field name made safe for C and C++: characters outside
 * `[A-Za-z0-9_]` become `_`, a leading digit gets a `_` prefix, and a
 * reserved word or any name in `taken` gets `_` appended until it is free.
 * Renaming, never rejecting: these names are local to one prototype.
 */
export function safeCName(name: string, taken: { has(name: string): boolean } = NONE_TAKEN): string {
  // Runs of `_` collapse to one: C and C++ reserve every identifier with `__`.
  let s = name.replace(/[^A-Za-z0-9_]/g, "_").replace(/_{2,}/g, "_");
  if (s === "" || /^[0-9]/.test(s)) s = `_${s}`;
  if (/^_[A-Z]/.test(s)) s = `p${s}`;
  if (isFreeCName(s, taken)) return s;
  // `int` → `int_`; if that is taken too, `int_2`, `int_3`, … (never a `__`).
  const base = s.endsWith("_") ? s : `${s}_`;
  if (isFreeCName(base, taken)) return base;
  for (let n = 2; ; n++) if (isFreeCName(`${base}${n}`, taken)) return `${base}${n}`;
}

const NONE_TAKEN: ReadonlySet<string> = new Set();

function isFreeCName(c: string, taken: { has(name: string): boolean }): boolean {
  return !C_KEYWORDS.has(c) && !HEADER_RESERVED.has(c) && !taken.has(c);
}
