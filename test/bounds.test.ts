/**
 * `hostbind_guest_ptr` at the edges (docs/abi.md): a compiled C test on a
 * hand-made context (C11 and C++17), then through real Deno, Bun and Node 26 — before
 * `bind()` (NULL memory), at the edges of a one-page guest memory (empty
 * ranges, a range ending exactly at the end, one byte past it, offset + len
 * overflowing uint32) and again after the guest grew its memory.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshDir, generateInto, lastJson, runUnder } from "./fuzz/harness.ts";
import { assembleWat, compileSharedLibrary, exec, RUNTIMES } from "./fuzz/tools.ts";
import { ROOT } from "./support/tmp.ts";

const SRC = join(ROOT, "test/fuzz/bounds");
let dir = "";

beforeAll(async () => {
  dir = freshDir("bounds");
  generateInto(dir, readFileSync(join(SRC, "bd.d.ts"), "utf8"), "bd");
  await compileSharedLibrary([join(SRC, "bd.c")], join(dir, "libbd.so"), [`-I${dir}`]);
  await assembleWat(join(SRC, "guest.wat"), join(dir, "bd.wasm"));
});

describe("hostbind_guest_ptr compiled on a hand-made context", () => {
  for (const [lang, flags] of [["C11", ["-x", "c", "-std=c11"]], ["C++17", ["-x", "c++", "-std=c++17"]]] as const) {
    it(`${lang}: NULL memory, empty ranges, the last byte, one past the end, uint32 overflow, 4 GiB`, async () => {
      const exe = join(dir, `unit-${lang.replace("+", "p")}`);
      const cc = lang === "C11" ? "cc" : "c++";
      const build = await exec(cc, [...flags, "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic", `-I${dir}`, "-o", exe, join(SRC, "unit.c")]);
      expect(build.code, build.stderr).toBe(0);
      const run = await exec(exe, []);
      expect(run.stdout).toBe("0 failures\n");
      expect(run.code).toBe(0);
    });
  }
});

describe.each(RUNTIMES)("%s: hostbind_guest_ptr through the generated binding", (rt) => {
  it("NULL before bind(), exact edges after it, and the new size after memory.grow", async () => {
    const r = await runUnder(rt, "test/fuzz/bounds/runner.ts", [join(dir, `bd.${rt}.ts`), join(dir, "bd.wasm"), join(dir, "libbd.so")]);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const { checks } = lastJson<{ checks: { phase: string; offset: number; len: number; got: string; want: string; marker: boolean }[] }>(r);
    expect(checks.length).toBe(3 + 2 * 19);
    const wrong = checks.filter((c) => c.got !== c.want || !c.marker);
    expect(wrong).toEqual([]);
    // The sweep really covered both answers in both phases.
    expect(checks.filter((c) => c.want === "-1").length).toBeGreaterThan(10);
    expect(checks.filter((c) => c.phase === "after grow to two pages" && c.offset === 131071 && c.want === "131071").length).toBe(1);
  });
});
