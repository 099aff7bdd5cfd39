import { describe, expect, it } from "vitest";
import { isJsIdentifier, jsMember, jsPropertyKey, safeJsName } from "./names.ts";

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

  it("spells member access", () => {
    expect(jsMember("o", "env")).toBe("o.env");
    expect(jsMember("o", "math-lib")).toBe('o["math-lib"]');
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

  it("knows identifiers", () => {
    expect(isJsIdentifier("abc")).toBe(true);
    expect(isJsIdentifier("class")).toBe(false);
    expect(isJsIdentifier("a b")).toBe(false);
  });
});
