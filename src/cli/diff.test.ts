/** The unified diff of `--check`, checked by GNU patch: applying it to the old text gives the new one. */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../../test/support/tmp.ts";
import { unifiedDiff } from "./diff.ts";

/** `before` with `diff` applied by GNU patch. */
function patched(before: string, diff: string): string {
  const dir = tempDir("diff");
  writeFileSync(join(dir, "file"), before);
  writeFileSync(join(dir, "diff"), diff);
  const r = spawnSync("patch", ["-s", "-o", join(dir, "out"), join(dir, "file"), join(dir, "diff")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`patch rejected the diff:\n${diff}\n${r.stdout}${r.stderr}`);
  return readFileSync(join(dir, "out"), "utf8");
}

/** A seeded linear congruential generator in [0, 1). */
function random(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
}

describe("unifiedDiff", () => {
  test("the format diff -u prints: labels, hunk ranges, three lines of context", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    expect(unifiedDiff(before, before.replace("5", "five"), "a", "b")).toBe(
      "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
    );
    expect(unifiedDiff(before, before, "a", "b")).toBe("");
    expect(unifiedDiff("", "x\n", "a", "b")).toBe("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n");
  });

  test("random edits (and a missing final newline) round-trip through patch", () => {
    const next = random(13);
    for (let t = 0; t < 150; t++) {
      const lines = Array.from({ length: Math.floor(next() * 40) }, () => `line ${Math.floor(next() * 8)}`);
      const edited = lines.filter(() => next() > 0.15).flatMap((l) => (next() > 0.85 ? [l, `new ${Math.floor(next() * 5)}`] : [l]));
      const before = lines.map((l) => `${l}\n`).join("");
      const after = edited.map((l) => `${l}\n`).join("") + (next() > 0.8 ? "no newline" : "");
      const diff = unifiedDiff(before, after, "a", "b", Infinity);
      if (before === after) expect(diff).toBe("");
      else expect(patched(before, diff), diff).toBe(after);
    }
  });

  test("texts too different to minimise still give a correct diff", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}\n`).join("");
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}\n`).join("");
    expect(patched(before, unifiedDiff(before, after, "a", "b", Infinity))).toBe(after);
  });

  test("long diffs are cut, saying how many changed lines are not shown", () => {
    const before = Array.from({ length: 100 }, (_, i) => `${i}\n`).join("");
    const after = before.replace(/^(\d*[02468])$/gm, "$1 changed");
    const diff = unifiedDiff(before, after, "a", "b", 10);
    expect(diff.split("\n").length).toBe(2 + 10 + 2);
    expect(diff).toMatch(/\n… \d+ more changed lines\n$/);
  });
});
