import { describe, expect, it } from "vitest";
import { jsPropertyKey, safeJsName } from "./names.ts";

describe("JS names", () => {
  it.each([
    ["env", "env"],
    ["math-lib", '"math-lib"'],
    ['a"b', '"a\\"b"'],
    ["$ok_1", "$ok_1"],
    ["1st", '"1st"'],
  ])("property key of %j is %s", (name, want) => {
    expect(jsPropertyKey(name)).toBe(want);
  });

  it.each([
    ["x", [], "x"],
    ["default", [], "default_"],
    ["arguments", [], "arguments_"],
    ["size", ["size", "size_"], "size__"],
    ["1a", [], "_1a"],
    ["a-b", [], "a_b"],
  ])("safe name of %j", (name, taken, want) => {
    expect(safeJsName(name, new Set(taken))).toBe(want);
  });
});
