/**
 * A small WebAssembly binary encoder: just what the call-stub module needs
 * (LEB128 numbers, names, vectors, sections, function types, a few
 * instructions). Written here rather than taken from a dependency because
 * the stub is a few dozen bytes and its encoding must be byte-for-byte
 * deterministic and identical on every runtime that runs hostbind.
 *
 * @example
 * ```ts
 * import { ByteWriter, section, SECTION } from "./encoder.ts";
 * const body = new ByteWriter().u32(0); // an empty vector
 * const bytes = section(SECTION.type, body.bytes()); // [1, 1, 0]
 * ```
 * @module
 */
import type { WasmType } from "../../ir/types.ts";

/** The module preamble: `\0asm` and binary format version 1. */
export const PREAMBLE: readonly number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** Section ids of the binary format (core spec §5.5.2). */
export const SECTION = {
  type: 1,
  import: 2,
  function: 3,
  export: 7,
  code: 10,
} as const;

/** External kinds, as used in import and export entries. */
export const EXTERNAL = { func: 0x00, memory: 0x02 } as const;

/** Value type bytes. */
export const VALTYPE: Readonly<Record<WasmType, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

/** The opcodes the stub uses. */
export const OP = {
  call: 0x10,
  localGet: 0x20,
  i32Load: 0x28,
  i64Load: 0x29,
  f32Load: 0x2a,
  f64Load: 0x2b,
  i32Const: 0x41,
  end: 0x0b,
} as const;

/** The load instruction for each value type, with its natural alignment as a power of two. */
export const LOAD: Readonly<Record<WasmType, { op: number; alignLog2: number }>> = {
  i32: { op: OP.i32Load, alignLog2: 2 },
  i64: { op: OP.i64Load, alignLog2: 3 },
  f32: { op: OP.f32Load, alignLog2: 2 },
  f64: { op: OP.f64Load, alignLog2: 3 },
};

/**
 * An append-only byte buffer with the binary format's primitive encodings.
 *
 * @example
 * ```ts
 * new ByteWriter().u32(624485).name("env").bytes(); // [0xe5, 0x8e, 0x26, 3, 0x65, 0x6e, 0x76]
 * ```
 */
export class ByteWriter {
  // A growable byte buffer: stubs for 10⁴ imports are ~10⁶ bytes, written a byte at a time.
  #buf = new Uint8Array(64);
  #length = 0;

  /** Makes room for `n` more bytes. */
  #reserve(n: number): void {
    if (this.#length + n <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.#length + n));
    grown.set(this.#buf.subarray(0, this.#length));
    this.#buf = grown;
  }

  /** Appends raw bytes. */
  raw(bytes: Iterable<number>): this {
    if (bytes instanceof Uint8Array) {
      this.#reserve(bytes.length);
      this.#buf.set(bytes, this.#length);
      this.#length += bytes.length;
      return this;
    }
    for (const b of bytes) this.byte(b);
    return this;
  }

  /**
   * Appends what `other` holds, byte by byte: no view or copy is allocated,
   * which matters for the thousands of small function bodies of a big stub.
   */
  append(other: ByteWriter): this {
    const n = other.#length;
    this.#reserve(n);
    const src = other.#buf;
    const dst = this.#buf;
    for (let i = 0; i < n; i++) dst[this.#length + i] = src[i]!;
    this.#length += n;
    return this;
  }

  /** Appends one byte. */
  byte(b: number): this {
    this.#reserve(1);
    this.#buf[this.#length++] = b & 0xff;
    return this;
  }

  /** Appends an unsigned LEB128 number (`u32` in the spec). */
  u32(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32 out of range: ${n}`);
    // The same encoding as unsignedLeb128, written in place (no array per number).
    let v = n;
    for (;;) {
      const b = v % 128;
      v = Math.floor(v / 128);
      if (v === 0) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /** Appends a signed LEB128 number (`s32`, as `i32.const` takes). */
  s32(n: number): this {
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new RangeError(`s32 out of range: ${n}`);
    // One byte when the value fits in 7 signed bits (the stub writes `i32.const 0`): no BigInt.
    if (n >= -64 && n < 64) return this.byte(n & 0x7f);
    return this.raw(signedLeb128(BigInt(n)));
  }

  /** Appends a name: its UTF-8 length, then the bytes. */
  name(s: string): this {
    if (/^[\x00-\x7f]*$/.test(s)) {
      // ASCII (every C symbol): the UTF-8 bytes are the char codes.
      this.u32(s.length);
      this.#reserve(s.length);
      for (let i = 0; i < s.length; i++) this.#buf[this.#length++] = s.charCodeAt(i);
      return this;
    }
    const utf8 = UTF8.encode(s);
    return this.u32(utf8.length).raw(utf8);
  }

  /** Appends a vector: the element count, then each element written by `each` (given its index too). */
  vec<T>(items: readonly T[], each: (item: T, w: this, index: number) => void): this {
    this.u32(items.length);
    for (let i = 0; i < items.length; i++) each(items[i]!, this, i);
    return this;
  }

  /** How many bytes were written so far. */
  get length(): number {
    return this.#length;
  }

  /** Forgets everything written, keeping the buffer (for a writer reused per function). */
  clear(): this {
    this.#length = 0;
    return this;
  }

  /** The bytes written so far (a copy). */
  bytes(): Uint8Array {
    return this.#buf.slice(0, this.#length);
  }
}

const UTF8 = new TextEncoder();

/**
 * Unsigned LEB128 of a non-negative integer.
 *
 * @example
 * ```ts
 * unsignedLeb128(300); // [0xac, 0x02]
 * ```
 */
export function unsignedLeb128(n: number): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/**
 * Signed LEB128 of an integer (two's complement, sign-extended by the last byte's bit 6).
 *
 * @example
 * ```ts
 * signedLeb128(-65n); // [0xbf, 0x7f]
 * ```
 */
export function signedLeb128(n: bigint): number[] {
  const out: number[] = [];
  let v = n;
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n; // arithmetic shift: keeps the sign
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/**
 * A section: its id, its byte size, then `body`.
 *
 * @example
 * ```ts
 * section(SECTION.type, Uint8Array.of(0)); // [1, 1, 0]
 * ```
 */
export function section(id: number, body: Uint8Array): Uint8Array {
  return new ByteWriter().byte(id).u32(body.length).raw(body).bytes();
}

/**
 * A function type `(params) -> (results)` (form 0x60).
 *
 * @example
 * ```ts
 * funcType(["i32"], ["i32", "i64"]); // [0x60, 1, 0x7f, 2, 0x7f, 0x7e]
 * ```
 */
export function funcType(params: readonly WasmType[], results: readonly WasmType[]): Uint8Array {
  const w = new ByteWriter().byte(0x60);
  w.vec(params, (t, x) => x.byte(VALTYPE[t]));
  w.vec(results, (t, x) => x.byte(VALTYPE[t]));
  return w.bytes();
}

/**
 * Memory limits with both a minimum and a maximum, in 64 KiB pages (flag 0x01).
 *
 * @example
 * ```ts
 * limits(1, 1); // [0x01, 1, 1]
 * ```
 */
export function limits(min: number, max: number): Uint8Array {
  return new ByteWriter().byte(0x01).u32(min).u32(max).bytes();
}

/**
 * Writes a code-section entry into `w`: the body's size, no locals, the
 * instructions (a byte array, or another writer's contents, copied without
 * allocating), `end`.
 *
 * @example
 * ```ts
 * writeCodeEntry(new ByteWriter(), Uint8Array.of(OP.localGet, 0)).bytes(); // [4, 0, 0x20, 0, 0x0b]
 * ```
 */
export function writeCodeEntry(w: ByteWriter, instructions: Uint8Array | ByteWriter): ByteWriter {
  // The body is the local declarations (none: one byte, 0), the instructions and `end`.
  const size = 1 + instructions.length + 1;
  w.u32(size).byte(0);
  if (instructions instanceof ByteWriter) w.append(instructions);
  else w.raw(instructions);
  return w.byte(OP.end);
}
