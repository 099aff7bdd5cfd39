/**
 * Which imports take the memory call path under each runtime's rule, pinned
 * with the shapes the benchmark measured through both paths (bench/README.md
 * finding 6): Deno's rule follows how many BigInts a direct call would pass.
 */
import { describe, expect, it } from "vitest";
import type { ValueType } from "../ir/types.ts";
import { declarations, importFn } from "../../test/support/ir.ts";
import { layout } from "./mod.ts";
import { callPaths, type MemoryPathRule } from "./paths.ts";

/** One import per shape `[params, results]`, plus a `@noctx` one, in that order. */
const SHAPES: readonly (readonly [string, ValueType[], ValueType[]])[] = [
  ["i32 -> i32", ["i32"], ["i32"]],
  ["i64 -> i64", ["i64"], ["i64"]],
  ["i64 -> i32", ["i64"], ["i32"]],
  ["(i32, i64) -> f64", ["i32", "i64"], ["f64"]],
  ["i32 -> u64", ["i32"], ["u64"]],
  ["(i64, f64) -> [i64, f64]", ["i64", "f64"], ["i64", "f64"]],
  ["(i64, i64, i64) -> [i64, i64]", ["i64", "i64", "i64"], ["i64", "i64"]],
  ["(i32, i32) -> [i64, i32]", ["i32", "i32"], ["i64", "i32"]],
  ["(u64, u64) -> void", ["u64", "u64"], []],
];

function paths(rule: MemoryPathRule): Record<string, string> {
  const functions = SHAPES.map(([_, params, results], i) =>
    importFn("m", `f${i}`, { params: params.map((t, j) => [`p${j}`, t] as const), results })
  );
  functions.push(importFn("m", "hypot", { params: [["x", "i64"], ["y", "i64"]], results: ["i64"], noctx: true }));
  const found = callPaths(layout(declarations("p.d.ts", [{ name: "m", functions }])), rule);
  return Object.fromEntries([...SHAPES.map(([label]) => label), "@noctx (i64, i64) -> i64"].map((label, i) => [label, found[i]!]));
}

describe("call paths by rule", () => {
  it("all (Node): every import with a context takes the memory path; @noctx calls its symbol", () => {
    const p = paths("all");
    expect(new Set(Object.values(p).slice(0, -1))).toEqual(new Set(["block"]));
    expect(p["@noctx (i64, i64) -> i64"]).toBe("direct");
  });

  it("i64 (Bun): every import where a BigInt would cross", () => {
    expect(paths("i64")).toEqual({
      "i32 -> i32": "direct",
      "i64 -> i64": "block",
      "i64 -> i32": "block",
      "(i32, i64) -> f64": "block",
      "i32 -> u64": "block",
      "(i64, f64) -> [i64, f64]": "block",
      "(i64, i64, i64) -> [i64, i64]": "block",
      // Two or more results come back through memory on the out path: no BigInt crosses.
      "(i32, i32) -> [i64, i32]": "out",
      "(u64, u64) -> void": "block",
      "@noctx (i64, i64) -> i64": "direct",
    });
  });

  it("i64-two (Deno): every import where two or more BigInts would cross, or one beside two or more results", () => {
    expect(paths("i64-two")).toEqual({
      "i32 -> i32": "direct",
      "i64 -> i64": "block",
      "i64 -> i32": "direct",
      "(i32, i64) -> f64": "direct",
      "i32 -> u64": "direct",
      "(i64, f64) -> [i64, f64]": "block",
      "(i64, i64, i64) -> [i64, i64]": "block",
      "(i32, i32) -> [i64, i32]": "out",
      "(u64, u64) -> void": "block",
      "@noctx (i64, i64) -> i64": "direct",
    });
  });

  it("none: the direct path, and the out path for two or more results", () => {
    expect(Object.values(paths("none"))).toEqual(["direct", "direct", "direct", "direct", "direct", "out", "out", "out", "direct", "direct"]);
  });
});
