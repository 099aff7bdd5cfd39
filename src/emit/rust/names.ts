/**
 * Rust spelling: keywords, safe field and parameter names, type-name stems,
 * string literals.
 *
 * @example
 * ```ts
 * import { rustTypeStem, safeRustName } from "./names.ts";
 * safeRustName("type"); // "type_"
 * rustTypeStem("env_divmod"); // "EnvDivmod"
 * ```
 * @module
 */

/**
 * Rust keywords of every edition (strict, reserved, and the 2018/2024
 * additions), plus `_`, which cannot name a field or parameter either.
 */
export const RUST_KEYWORDS: ReadonlySet<string> = new Set([
  "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if",
  "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
  "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
  "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
  "typeof", "unsized", "virtual", "yield", "try", "gen", "_",
]);

/**
 * A field or parameter name made safe for Rust, the way {@link safeCName}
 * does for C: characters outside `[A-Za-z0-9_]` become `_`, a leading digit
 * gets a `_` prefix, and a keyword or a name in `taken` gets `_` appended
 * until it is free (`type` → `type_`). Feed it C-safe names so the Rust and
 * C spellings differ only where Rust needs it.
 *
 * @example
 * ```ts
 * safeRustName("type");                  // "type_"
 * safeRustName("out", new Set(["out"])); // "out_"
 * ```
 */
export function safeRustName(name: string, taken: ReadonlySet<string> = new Set()): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (s === "" || /^[0-9]/.test(s)) s = `_${s}`;
  while (RUST_KEYWORDS.has(s) || taken.has(s)) s = `${s}_`;
  return s;
}

/**
 * The Rust type-name stem of a C symbol, in UpperCamelCase as Rust names
 * types: each `_`-separated part capitalised (`env_divmod` → `EnvDivmod`).
 * Distinct symbols can share a stem (`a_b`, `aB`); the Rust emitter
 * disambiguates those.
 *
 * @example
 * ```ts
 * rustTypeStem("math_lib_hypot"); // "MathLibHypot"
 * ```
 */
export function rustTypeStem(symbol: string): string {
  const parts = symbol.split("_").filter((p) => p !== "");
  const stem = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join("");
  return /^[A-Za-z]/.test(stem) ? stem : `Import${stem}`;
}

/**
 * A Rust string literal of `text`: printable ASCII as is, everything else
 * (quotes, backslashes, control and non-ASCII characters) as `\u{…}`; a
 * lone surrogate, which no Rust string can hold, as U+FFFD.
 *
 * @example
 * ```ts
 * rustString('a"b\n'); // "\"a\\u{22}b\\u{a}\""
 * ```
 */
export function rustString(text: string): string {
  let out = "";
  for (const ch of text) {
    const point = ch.codePointAt(0)!;
    const code = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
    out += code >= 0x20 && code < 0x7f && ch !== '"' && ch !== "\\" ? ch : `\\u{${code.toString(16)}}`;
  }
  return `"${out}"`;
}

/**
 * A Rust byte-string literal of `text`'s UTF-8 bytes and a terminating NUL
 * (a C string for the shims' messages): printable ASCII as it is, every
 * other byte (and `"`, `\`) as `\xNN`.
 *
 * @example
 * ```ts
 * rustCBytes("é"); // "b\"\\xc3\\xa9\\x00\""
 * ```
 */
export function rustCBytes(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(`${text}\0`)) {
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += plain ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `b"${out}"`;
}
