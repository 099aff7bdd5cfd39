import { describe, expect, it } from "vitest";
import { ByteWriter, codeEntry, funcType, limits, PREAMBLE, section } from "./encoder.ts";
import { instantiate, wasm2wat } from "../../../test/support/tools.ts";

describe("LEB128", () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [624485, [0xe5, 0x8e, 0x26]],
    [0xffffffff, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])("unsigned %d", (n, want) => {
    expect([...new ByteWriter().u32(n).bytes()]).toEqual(want);
  });

  it.each([
    [0, [0x00]],
    [63, [0x3f]],
    [64, [0xc0, 0x00]],
    [-1, [0x7f]],
    [-64, [0x40]],
    [-65, [0xbf, 0x7f]],
    [-123456, [0xc0, 0xbb, 0x78]],
    [2147483647, [0xff, 0xff, 0xff, 0xff, 0x07]],
    [-2147483648, [0x80, 0x80, 0x80, 0x80, 0x78]],
  ])("signed %d", (n, want) => {
    expect([...new ByteWriter().s32(n).bytes()]).toEqual(want);
  });

  it.each([
    [0xffffffff, [0xff, 0xff, 0xff, 0xff, 0x0f]],
    [2 ** 32, [0x80, 0x80, 0x80, 0x80, 0x10]],
    [2 ** 48, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]],
    [Number.MAX_SAFE_INTEGER, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])("unsigned 64-bit %d", (n, want) => {
    expect([...new ByteWriter().u64(n).bytes()]).toEqual(want);
  });

  it("rejects u64 numbers a double cannot hold exactly", () => {
    expect(() => new ByteWriter().u64(2 ** 53)).toThrow(RangeError);
    expect(() => new ByteWriter().u64(-1)).toThrow(RangeError);
  });

  it("rejects numbers outside u32 and s32", () => {
    expect(() => new ByteWriter().u32(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().u32(2 ** 32)).toThrow(RangeError);
    expect(() => new ByteWriter().s32(2 ** 31)).toThrow(RangeError);
    expect(() => new ByteWriter().u32(1.5)).toThrow(RangeError);
  });
});

describe("ByteWriter", () => {
  it("writes names as UTF-8 with a byte length", () => {
    expect([...new ByteWriter().name("é-x").bytes()]).toEqual([4, 0xc3, 0xa9, 0x2d, 0x78]);
  });

  it("writes vectors with their count", () => {
    expect([...new ByteWriter().vec([1, 2, 300], (n, w) => w.u32(n)).bytes()]).toEqual([3, 1, 2, 0xac, 0x02]);
  });
});

describe("sections and types", () => {
  it("prefixes a section with its id and byte size", () => {
    expect([...section(7, new Uint8Array(130))].slice(0, 3)).toEqual([7, 0x82, 0x01]);
  });

  it("encodes function types and limits", () => {
    expect([...funcType(["i32", "i64"], ["f32", "f64"])]).toEqual([0x60, 2, 0x7f, 0x7e, 2, 0x7d, 0x7c]);
    expect([...limits(1, 3)]).toEqual([0x01, 1, 3]);
  });

  it("writes a code entry: size, no locals, the instructions, end", () => {
    expect([...codeEntry(Uint8Array.of(0x20, 0))]).toEqual([4, 0, 0x20, 0, 0x0b]);
    const long = new ByteWriter();
    for (let i = 0; i < 40; i++) long.byte(0x20).u32(i * 300);
    const body = long.bytes();
    expect([...codeEntry(body)]).toEqual([...new ByteWriter().u32(body.length + 2).bytes(), 0, ...body, 0x0b]);
  });

  it("assembles a module that wabt accepts and prints as expected", () => {
    const bytes = new ByteWriter()
      .raw(PREAMBLE)
      .raw(section(1, new ByteWriter().u32(1).raw(funcType(["i32"], ["i32", "i32"])).bytes()))
      .raw(section(3, new ByteWriter().u32(1).u32(0).bytes()))
      .raw(section(7, new ByteWriter().u32(1).name("dup").byte(0).u32(0).bytes()))
      .raw(section(10, new ByteWriter().u32(1).raw(codeEntry(Uint8Array.of(0x20, 0, 0x20, 0))).bytes()))
      .bytes();
    const wat = wasm2wat(bytes);
    expect(wat).toContain("(func (;0;) (type 0) (param i32) (result i32 i32)");
    expect(wat).toContain('(export "dup" (func 0))');
    expect((instantiate(bytes).dup as (x: number) => number[])(5)).toEqual([5, 5]);
  });
});
