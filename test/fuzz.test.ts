/**
 * The differential ABI fuzzer as part of `npm test`: 600 random signatures
 * (12 libraries of 50) checked bit for bit under real Deno, Bun and Node 26, plus a
 * self-test proving the fuzzer catches a planted bug and shrinks it to the
 * minimal signature. Set HOSTBIND_FUZZ_SEED to try another seed.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { batchSignatures, runFuzz } from "./fuzz/fuzz.ts";
import { injectedBugApplies } from "./fuzz/c_impl.ts";
import { simplerVariants } from "./fuzz/shrink.ts";
import { describe as describeSig, declarationText } from "./fuzz/signature.ts";
import { argumentVectors, EXTREMES } from "./fuzz/values.ts";
import { ROOT } from "./support/tmp.ts";
import { runDataFuzz } from "./fuzz/data/run.ts";

const SEED = Number(process.env.HOSTBIND_FUZZ_SEED ?? 20250601);
const WORK = join(ROOT, ".tmp/fuzz-test");

describe("fuzz generators", () => {
  it("draw the same signatures for the same seed and batch, different ones otherwise", () => {
    const a = batchSignatures(5, 3, 50);
    expect(batchSignatures(5, 3, 50)).toEqual(a);
    expect(batchSignatures(5, 4, 50)).not.toEqual(a);
    expect(declarationText(a)).toBe(declarationText(batchSignatures(5, 3, 50)));
  });

  it("cover every parameter and result count and every extreme", () => {
    const sigs = Array.from({ length: 10 }, (_, b) => batchSignatures(SEED, b, 50)).flat();
    expect(new Set(sigs.map((s) => s.params.length)).size).toBe(9);
    expect(new Set(sigs.map((s) => s.results.length)).size).toBe(7);
    const vecs = argumentVectors(["f64", "i32"]);
    expect(new Set(vecs.map((v) => v[0]))).toEqual(new Set([...EXTREMES.f64, ...vecs.slice(0, 2).map((v) => v[0])]));
  });

  it("shrink only towards strictly smaller signatures", () => {
    const sig = batchSignatures(SEED, 0, 1)[0]!;
    const size = (s: typeof sig) => s.params.length + s.results.length
      + [...s.params, ...s.results].filter((t) => t !== "i32").length + Number(s.noctx) + Number(s.labelled) + Number(s.tupleSingle) + Number(s.async);
    for (const v of simplerVariants(sig)) expect(size(v)).toBeLessThan(size(sig));
  });
});

describe("fuzz end to end (real cc, wat2wasm, Deno, Bun and Node 26)", () => {
  it(`600 signatures pass bit for bit on every runtime (seed ${SEED})`, async () => {
    const s = await runFuzz({ count: 600, seed: SEED, batchSize: 50, workDir: join(WORK, "main") });
    expect(s.failure?.text).toBeUndefined();
    expect(s.signatures).toBe(600);
    expect(s.calls).toBeGreaterThan(600 * 5);
    // About one in seven is async (Promise<…>): run off the JS thread while the guest is suspended, and
    // checked the same way, results and the arguments native code saw, bit for bit.
    const drawn = Array.from({ length: 12 }, (_, b) => batchSignatures(SEED, b, 50)).flat();
    expect(drawn.filter((sig) => sig.async).length).toBeGreaterThan(50);
    // NaN payloads on the memory path (Node: every import with a context; Deno and Bun: those with BigInts)
    // were checked bit for bit, and came back unchanged (a change there is a failure above).
    expect(s.nanStrict.node).toBeGreaterThan(100);
    expect(s.nanStrict.deno).toBeGreaterThan(0);
    expect(s.nanStrict.bun).toBeGreaterThan(0);
  });

  it("catches a planted bug and shrinks it to (i32, i32, i32) -> (i32, f64)", async () => {
    // Find a small batch that contains a signature the planted bug applies to.
    let seed = 1;
    while (!batchSignatures(seed, 0, 10).some(injectedBugApplies)) seed++;
    const s = await runFuzz({ count: 10, seed, batchSize: 10, runtimes: ["bun"], injectBug: true, workDir: join(WORK, "inject") });
    expect(s.failure).toBeDefined();
    const f = s.failure!;
    expect(f.first.report?.where).toBe(0x101); // result 1
    expect(injectedBugApplies(f.signature!)).toBe(true);
    expect(describeSig(f.minimal!)).toBe("(i32, i32, i32) -> (i32, f64)");
    expect(f.text).toContain("void fz_f");
    expect(f.text).toContain("reproduce: npm run fuzz -- --seed");
  });
});

describe("data fuzz: string and Uint8Array parameters and results (real cc, wat2wasm, Deno, Bun and Node 26)", () => {
  it(`300 signatures × 12 vectors pass byte for byte on every runtime (seed ${SEED})`, async () => {
    const r = await runDataFuzz({ count: 300, seed: SEED, vectors: 12, workDir: join(WORK, "data") });
    for (const rt of ["deno", "bun", "node"] as const) {
      const s = r[rt]!;
      expect(s.failures, rt).toEqual([]);
      expect(s.calls).toBe(3600);
      // Coverage, so the run cannot pass by checking nothing: traps, data results, lengths to 64 KiB.
      expect(s.traps).toBeGreaterThan(100);
      expect(s.dataResults).toBeGreaterThan(1500);
      expect(s.maxLength).toBeGreaterThanOrEqual(65534);
      // About one in five async: results copied aside off the JS thread, handed over back on it, and traps.
      expect(s.asyncCalls).toBeGreaterThan(400);
      expect(s.asyncDataResults).toBeGreaterThan(200);
      expect(s.asyncTraps).toBeGreaterThan(10);
    }
  }, 600_000);

  it("catches a planted bug in a Uint8Array result", async () => {
    const r = await runDataFuzz({ count: 30, seed: SEED, vectors: 4, workDir: join(WORK, "data-inject"), injectBug: true, runtimes: ["bun"] });
    expect(r.bun!.failures.length).toBeGreaterThan(0);
    expect(r.bun!.failures[0]).toMatch(/-> bytes, vector \d+: expected [0-9a-f]+/);
  }, 600_000);
});
