/**
 * A byte cursor over a wasm binary: LEB128 integers, bytes, names, and
 * bounded sub-readers for sections. Every read checks its bounds, so a
 * truncated or corrupt module becomes a located {@link HostbindError}
 * instead of `undefined` arithmetic.
 *
 * Location scheme for `.wasm` input: line 1, column = byte offset + 1, so
 * errors sort by position and `FILE:1:COL` names the byte (the message also
 * says "at byte offset N" for people who do not know the scheme).
 *
 * @example
 * ```ts
 * import { WasmReader } from "./_reader.ts";
 * const r = new WasmReader(new Uint8Array([0xe5, 0x8e, 0x26]), "x.wasm");
 * r.u32("a count"); // 624485
 * r.atEnd();        // true
 * ```
 * @module
 */
import { HostbindError } from "../../errors.ts";
import type { SourceLocation } from "../../ir/types.ts";

// ignoreBOM: a name that starts with U+FEFF keeps it (the decoder would drop it as a byte-order mark).
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Reads a wasm binary (or one section of it) front to back. */
export class WasmReader {
  /** The absolute offset of the next byte to read. */
  pos: number;

  constructor(
    /** The whole module (sub-readers share it). */
    readonly bytes: Uint8Array,
    /** The input's path, for error locations. */
    readonly file: string,
    /** Where reading starts (absolute). */
    start = 0,
    /** Where this reader's data ends (absolute, exclusive). */
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  /** The location of absolute byte offset `offset` (line 1, column offset + 1). */
  locate(offset: number = this.pos): SourceLocation {
    return { file: this.file, line: 1, column: offset + 1 };
  }

  /** A located error at `offset`; the message gets the byte offset appended. */
  error(message: string, offset: number = this.pos, hint?: string): HostbindError {
    return new HostbindError(`${message} (at byte offset ${offset})`, {
      location: this.locate(offset),
      hint: hint ?? "Check that the file is a complete, valid WebAssembly module (`wasm-validate FILE`).",
    });
  }

  /** True when every byte of this reader was read. */
  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** One byte; `what` names the thing being read, for the truncation error. */
  byte(what: string): number {
    if (this.pos >= this.end) throw this.truncated(what);
    return this.bytes[this.pos++]!;
  }

  /** `n` raw bytes. */
  take(n: number, what: string): Uint8Array {
    if (n > this.end - this.pos) throw this.truncated(what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** An unsigned LEB128 integer of at most 32 bits. */
  u32(what: string): number {
    const start = this.pos;
    let result = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte(what);
      if (i === 4 && b > 0x0f) throw this.error(`Invalid LEB128 integer in ${what}: it does not fit in 32 bits`, start);
      result += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) return result;
    }
    throw this.error(`Invalid LEB128 integer in ${what}: longer than 5 bytes`, start);
  }

  /** An unsigned LEB128 integer of up to `maxBytes` bytes (10 for 64-bit values), as a bigint. */
  leb(what: string, maxBytes: number): bigint {
    const start = this.pos;
    let result = 0n;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.byte(what);
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return result;
    }
    throw this.error(`Invalid LEB128 integer in ${what}: longer than ${maxBytes} bytes`, start);
  }

  /**
   * Skips a LEB128 integer of up to `maxBytes` bytes (10 for 64-bit values,
   * 5 for s33 heap types) whose value hostbind does not need.
   */
  skipLeb(what: string, maxBytes: number): void {
    const start = this.pos;
    for (let i = 0; i < maxBytes; i++) {
      if ((this.byte(what) & 0x80) === 0) return;
    }
    throw this.error(`Invalid LEB128 integer in ${what}: longer than ${maxBytes} bytes`, start);
  }

  /** A name: a byte length, then that many bytes of UTF-8. */
  name(what: string): string {
    const start = this.pos;
    const bytes = this.take(this.u32(`the length of ${what}`), what);
    try {
      return UTF8.decode(bytes);
    } catch {
      throw this.error(`Invalid UTF-8 in ${what}`, start);
    }
  }

  /**
   * A sub-reader over the next `size` bytes, and this reader moved past them;
   * the caller checks that the sub-reader consumed exactly its bytes.
   */
  sub(size: number, what: string): WasmReader {
    if (size > this.end - this.pos) throw this.truncated(what);
    const r = new WasmReader(this.bytes, this.file, this.pos, this.pos + size);
    this.pos += size;
    return r;
  }

  /** The error for running out of bytes while reading `what`. */
  truncated(what: string): HostbindError {
    const at = Math.min(this.pos, this.end);
    const whole = this.end === this.bytes.length;
    return this.error(
      whole
        ? `Unexpected end of the module while reading ${what}: the file is truncated`
        : `Unexpected end of the section while reading ${what}: the section is shorter than its contents`,
      at,
    );
  }
}
