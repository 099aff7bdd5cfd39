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
export const PREAMBLE: Uint8Array = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);

/** Section ids of the binary format (core spec §5.5.2). */
export const SECTION = {
  type: 1,
  import: 2,
  function: 3,
  global: 6,
  export: 7,
  code: 10,
} as const;

/** External kinds, as used in import and export entries. */
export const EXTERNAL = { func: 0x00, memory: 0x02, global: 0x03 } as const;

/** Value type bytes. */
export const VALTYPE: Readonly<Record<WasmType, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

/** The opcodes the stub uses. */
export const OP = {
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  globalGet: 0x23,
  globalSet: 0x24,
  i32Load: 0x28,
  i64Load: 0x29,
  f32Load: 0x2a,
  f64Load: 0x2b,
  i32Store: 0x36,
  i64Store: 0x37,
  f32Store: 0x38,
  f64Store: 0x39,
  i32Const: 0x41,
  if: 0x04,
  else: 0x05,
  // Exception handling as V8, JavaScriptCore and wabt have long supported it (the "legacy" opcodes).
  try: 0x06,
  catchAll: 0x19,
  rethrow: 0x09,
  memorySize: 0x3f,
  i32Add: 0x6a,
  i32WrapI64: 0xa7,
  end: 0x0b,
} as const;

/** The store instruction for each value type, with its natural alignment as a power of two. */
export const STORE: Readonly<Record<WasmType, { op: number; alignLog2: number }>> = {
  i32: { op: OP.i32Store, alignLog2: 2 },
  i64: { op: OP.i64Store, alignLog2: 3 },
  f32: { op: OP.f32Store, alignLog2: 2 },
  f64: { op: OP.f64Store, alignLog2: 3 },
};

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
  raw(bytes: Uint8Array): this {
    this.#reserve(bytes.length);
    this.#buf.set(bytes, this.#length);
    this.#length += bytes.length;
    return this;
  }

  /** Appends one byte. */
  byte(b: number): this {
    this.#reserve(1);
    this.#buf[this.#length++] = b & 0xff;
    return this;
  }

  /**
   * Appends an unsigned LEB128 number (`u32` in the spec).
   *
   * @example
   * ```ts
   * new ByteWriter().u32(300).bytes(); // [0xac, 0x02]
   * ```
   */
  u32(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32 out of range: ${n}`);
    return this.#unsigned(n);
  }

  /**
   * Appends an unsigned LEB128 number (`u64` in the spec, as memory64's
   * limits take), up to 2^53 − 1: every count hostbind writes is exact in a double.
   *
   * @example
   * ```ts
   * new ByteWriter().u64(2 ** 48).bytes(); // [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]
   * ```
   */
  u64(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`u64 out of range: ${n}`);
    return this.#unsigned(n);
  }

  /** The LEB128 bytes of a non-negative integer, 7 bits at a time (division: past 2^32 bit operators would truncate). */
  #unsigned(n: number): this {
    let v = n;
    for (;;) {
      const b = v % 128;
      v = Math.floor(v / 128);
      if (v === 0) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /**
   * Appends a signed LEB128 number (`s32`, as `i32.const` takes): two's
   * complement, sign-extended by the last byte's bit 6.
   *
   * @example
   * ```ts
   * new ByteWriter().s32(-65).bytes(); // [0xbf, 0x7f]
   * ```
   */
  s32(n: number): this {
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new RangeError(`s32 out of range: ${n}`);
    let v = n;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7; // arithmetic shift: keeps the sign
      const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
      if (done) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /** Appends a name: its UTF-8 length, then the bytes. */
  name(s: string): this {
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

  /** The bytes written so far (a copy). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.#buf.slice(0, this.#length);
  }
}

const UTF8 = new TextEncoder();

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
 * A code-section entry: the body's size, its locals after the parameters
 * (in order, one declaration group per run of one type), the instructions, `end`.
 *
 * @example
 * ```ts
 * codeEntry(Uint8Array.of(OP.localGet, 0)); // [4, 0, 0x20, 0, 0x0b]
 * codeEntry(Uint8Array.of(OP.localGet, 0), ["i32", "i64", "i64"]); // [8, 2, 1, 0x7f, 2, 0x7e, 0x20, 0, 0x0b]
 * ```
 */
export function codeEntry(instructions: Uint8Array, locals: readonly WasmType[] = []): Uint8Array {
  const runs: { type: WasmType; count: number }[] = [];
  for (const type of locals) {
    const last = runs[runs.length - 1];
    if (last?.type === type) last.count++;
    else runs.push({ type, count: 1 });
  }
  const declared = new ByteWriter().vec(runs, (r, w) => w.u32(r.count).byte(VALTYPE[r.type])).bytes();
  return new ByteWriter().u32(declared.length + instructions.length + 1).raw(declared).raw(instructions).byte(OP.end).bytes();
}
