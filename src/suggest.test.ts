import { describe, expect, test } from "vitest";
import { closest } from "./suggest.ts";

describe("closest", () => {
  test.each([
    ["genrate", ["generate", "explain", "declare"], "generate"],
    ["declar", ["generate", "explain", "declare"], "declare"],
    ["--out-dri", ["--out-dir", "--name", "--lib"], "--out-dir"],
    ["--OUT_DIR", ["--out-dir", "--name"], "--out-dir"],
    ["outdir", ["input", "outDir"], "outDir"],
    ["i23", ["i32", "u32", "f64"], "i32"],
    ["U32", ["i32", "u32"], "u32"],
    ["f46", ["f32", "f64"], "f64"],
    ["a", ["b", "c"], "b"], // one edit is always allowed; the first of a tie wins
  ])("%s → %s", (written, candidates, want) => {
    expect(closest(written, candidates)).toBe(want);
  });

  test.each([
    ["string", ["i32", "u32", "i64", "u64", "f32", "f64"]],
    ["frobnicate", ["generate", "explain", "declare"]],
    ["--xyz", ["--out-dir", "--name"]],
    ["x", []],
  ])("%s has no suggestion", (written, candidates) => {
    expect(closest(written, candidates)).toBeUndefined();
  });
});
