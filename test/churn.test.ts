/**
 * GC churn (Bun moves small typed arrays: src/emit/ts/README.md): ten million calls of
 * multi-result imports through the generated bindings, every result checked
 * inside wasm, while JS keeps allocating small typed arrays and forcing
 * collections. A deliberately naive Bun binding (out-pointer in a small
 * `Uint8Array`) is the negative control: the same guest must catch it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshDir, generateInto, lastJson, runUnder } from "./fuzz/harness.ts";
import { assembleWat, compileSharedLibrary, RUNTIMES } from "./fuzz/tools.ts";
import { ROOT } from "./support/tmp.ts";

const SRC = join(ROOT, "test/fuzz/churn");
const CALLS = 10_000_000;
let dir = "";

interface ChurnReport {
  mismatches: number;
  calls: number;
  allocations: number;
}

beforeAll(async () => {
  dir = freshDir("churn");
  generateInto(dir, readFileSync(join(SRC, "churn.d.ts"), "utf8"), "churn");
  await compileSharedLibrary([join(SRC, "churn.c")], join(dir, "libchurn.so"), [`-I${dir}`]);
  await assembleWat(join(SRC, "churn.wat"), join(dir, "churn.wasm"));
});

describe("GC churn", () => {
  for (const rt of RUNTIMES) {
    it(`${rt}: ${CALLS} multi-result calls under allocation pressure, every result right`, async () => {
      const binding = join(dir, `churn.${rt}.ts`);
      const r = await runUnder(rt, "test/fuzz/churn/runner.ts", [binding, join(dir, "churn.wasm"), join(dir, "libchurn.so"), String(CALLS)]);
      const report = lastJson<ChurnReport>(r);
      expect(r.code).toBe(0);
      expect(report.calls).toBeGreaterThanOrEqual(CALLS);
      expect(report.allocations).toBeGreaterThan(100_000);
      expect(report.mismatches).toBe(0);
    });
  }

  it("bun: the guest catches a naive binding whose out-pointer lives in a small typed array", async () => {
    const naive = join(SRC, "naive.bun.ts");
    const r = await runUnder("bun", "test/fuzz/churn/runner.ts", [naive, join(dir, "churn.wasm"), join(dir, "libchurn.so"), "1000000"]);
    // Stale pointer: wrong results (or, if the freed memory was reused badly, a crash).
    const crashed = r.code !== 0;
    expect(crashed || lastJson<ChurnReport>(r).mismatches > 0).toBe(true);
  });
});
