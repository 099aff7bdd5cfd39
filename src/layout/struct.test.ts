/**
 * Known layouts pinned by hand (table-driven), for the 64-bit targets and for
 * i686-linux, where 8-byte types align to 4 inside structs. The numbers were
 * worked out from the System V psABIs; `test/layout_probe.test.ts` checks the
 * engine against a real compiler on random structs.
 */
import { describe, expect, it } from "vitest";
import type { ValueType } from "../ir/types.ts";
import { alignUp, layoutStruct } from "./struct.ts";
import { TARGETS, targetByName } from "./targets.ts";

/** Lays out fields named `a, b, c, …` of `types` on `target`. */
function lay(types: ValueType[], target: string) {
  const t = targetByName(target);
  if (t === undefined) throw new Error(`no target ${target}`);
  return layoutStruct("s", types.map((type, i) => ({ name: String.fromCharCode(97 + i), type })), t);
}

interface Case {
  given: ValueType[];
  /** [size, align, offsets] on every 64-bit target. */
  wide: [number, number, number[]];
  /** [size, align, offsets] on i686-linux. */
  i686: [number, number, number[]];
}

const CASES: Case[] = [
  { given: ["i32", "i32"], wide: [8, 4, [0, 4]], i686: [8, 4, [0, 4]] },
  { given: ["f32", "u32", "i32"], wide: [12, 4, [0, 4, 8]], i686: [12, 4, [0, 4, 8]] },
  { given: ["i64", "i64"], wide: [16, 8, [0, 8]], i686: [16, 4, [0, 8]] },
  { given: ["i32", "f64"], wide: [16, 8, [0, 8]], i686: [12, 4, [0, 4]] },
  { given: ["f64", "i32"], wide: [16, 8, [0, 8]], i686: [12, 4, [0, 8]] },
  { given: ["i32", "i64", "i32"], wide: [24, 8, [0, 8, 16]], i686: [16, 4, [0, 4, 12]] },
  { given: ["u64", "f32", "f64", "u32"], wide: [32, 8, [0, 8, 16, 24]], i686: [24, 4, [0, 8, 12, 20]] },
  {
    given: ["f32", "i64", "i32", "f64", "u32", "u64"],
    wide: [48, 8, [0, 8, 16, 24, 32, 40]],
    i686: [36, 4, [0, 4, 12, 16, 24, 28]],
  },
  {
    given: ["i32", "i32", "f32", "f64", "i64", "u32", "u64", "f32"],
    wide: [56, 8, [0, 4, 8, 16, 24, 32, 40, 48]],
    i686: [44, 4, [0, 4, 8, 12, 20, 28, 32, 40]],
  },
];

describe.each(CASES)("[$given]", ({ given, wide, i686 }) => {
  it.each(TARGETS.filter((t) => t.pointerSize === 8).map((t) => t.name))("on %s", (target) => {
    const s = lay(given, target);
    expect([s.size, s.align, s.fields.map((f) => f.offset)]).toEqual(wide);
  });

  it("on i686-linux", () => {
    const s = lay(given, "i686-linux");
    expect([s.size, s.align, s.fields.map((f) => f.offset)]).toEqual(i686);
  });
});

describe("padding bookkeeping", () => {
  it("records padding before fields and after the last one", () => {
    const s = lay(["i32", "f64", "f32"], "x86_64-linux");
    expect(s.fields.map((f) => f.paddingBefore)).toEqual([0, 4, 0]);
    expect(s.trailingPadding).toBe(4);
    const n = lay(["i32", "f64", "f32"], "i686-linux");
    expect(n.fields.map((f) => f.paddingBefore)).toEqual([0, 0, 0]);
    expect(n.trailingPadding).toBe(0);
  });

  it("keeps field sizes the same on every target", () => {
    for (const t of TARGETS) {
      const s = layoutStruct("s", [{ name: "a", type: "i64" }, { name: "b", type: "f32" }], t);
      expect(s.fields.map((f) => f.size)).toEqual([8, 4]);
    }
  });

  it("gives an empty struct size 0 and alignment 1", () => {
    const s = lay([], "x86_64-linux");
    expect([s.size, s.align, s.trailingPadding]).toEqual([0, 1, 0]);
  });
});

describe("alignUp", () => {
  it.each([[0, 8, 0], [1, 8, 8], [8, 8, 8], [9, 4, 12], [12, 4, 12]])("alignUp(%i, %i) = %i", (n, a, want) => {
    expect(alignUp(n, a)).toBe(want);
  });
});
