/**
 * One run of the data fuzzer: draws `count` signatures from `seed`, generates
 * their bindings with hostbind, builds their C implementation and the guest,
 * and runs `runner.ts` under each runtime. The test (`test/fuzz.test.ts`)
 * and `npm run fuzz -- --data` use it.
 *
 * @example
 * ```ts
 * import { runDataFuzz } from "./run.ts";
 * const r = await runDataFuzz({ count: 40, seed: 1, vectors: 8, workDir: ".tmp/fuzz-data" });
 * r.deno?.failures; // []
 * ```
 * @module
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../../src/generate.ts";
import { Prng } from "../prng.ts";
import { assembleWat, compileSharedLibrary, RUNTIMES, type Runtime } from "../tools.ts";
import { lastJson, runUnder } from "../harness.ts";
import { ROOT } from "../../support/tmp.ts";
import { dataDeclarationText, dataGuestText, dataImplC, type DataSignature, randomDataSignature } from "./signature.ts";

/** Options of {@link runDataFuzz}. */
export interface DataFuzzOptions {
  count: number;
  seed: number;
  /** Argument vectors per signature. */
  vectors: number;
  workDir: string;
  runtimes?: readonly Runtime[];
  /** Plant a bug in the C side (see `dataImplC`). */
  injectBug?: boolean;
}

/** What each runtime reported. */
export type DataFuzzResult = Partial<Record<Runtime, {
  calls: number;
  traps: number;
  dataResults: number;
  maxLength: number;
  asyncCalls: number;
  asyncTraps: number;
  asyncDataResults: number;
  failures: string[];
}>>;

/** The signatures of a run. */
export function dataSignatures(seed: number, count: number): DataSignature[] {
  const rng = new Prng(seed);
  return Array.from({ length: count }, (_, i) => randomDataSignature(rng, `f${i}`));
}

/** Generates, builds and runs (see the module doc). */
export async function runDataFuzz(o: DataFuzzOptions): Promise<DataFuzzResult> {
  rmSync(o.workDir, { recursive: true, force: true });
  mkdirSync(o.workDir, { recursive: true });
  const sigs = dataSignatures(o.seed, o.count);
  const decl = dataDeclarationText(sigs);
  writeFileSync(join(o.workDir, "fz.d.ts"), decl);
  for (const f of generate(decl, { file: "fz.d.ts", name: "fz" })) writeFileSync(join(o.workDir, f.path), f.contents);
  writeFileSync(join(o.workDir, "impl.c"), dataImplC("fz.h", sigs, o.injectBug));
  writeFileSync(join(o.workDir, "sigs.json"), JSON.stringify(sigs));
  await compileSharedLibrary([join(o.workDir, "impl.c")], join(o.workDir, "libfz.so"), [`-I${o.workDir}`]);
  writeFileSync(join(o.workDir, "guest.wat"), dataGuestText(readFileSync(join(ROOT, "test/fuzz/data/guest.wat"), "utf8"), sigs));
  await assembleWat(join(o.workDir, "guest.wat"), join(o.workDir, "guest.wasm"));
  const out: DataFuzzResult = {};
  for (const rt of o.runtimes ?? RUNTIMES) {
    const r = await runUnder(rt, "test/fuzz/data/runner.ts", [
      join(o.workDir, "fz.ts"), join(o.workDir, "libfz.so"), join(o.workDir, "guest.wasm"), join(o.workDir, "sigs.json"), String(o.vectors),
    ], 600_000);
    if (r.code !== 0) throw new Error(`${rt} runner exited ${r.code}:\n${r.stderr}`);
    out[rt] = lastJson(r);
  }
  return out;
}
