/**
 * The fuzz loop: draws batches of signatures from a seed, builds and runs
 * each batch under Deno and Bun, and on the first failing batch isolates
 * the failing import and shrinks it to a minimal signature. Everything is
 * determined by `(seed, batch index, batch size)`, so a failure reproduces
 * with the same command line.
 *
 * @example
 * ```ts
 * import { runFuzz } from "./fuzz.ts";
 * const summary = await runFuzz({ count: 300, seed: 1 });
 * summary.failure; // undefined when every signature passed on every runtime
 * ```
 * @module
 */
import { join } from "node:path";
import { type BatchFailure, buildAndRun } from "./batch.ts";
import { Prng } from "./prng.ts";
import { describeMismatch, signatureBlock } from "./report.ts";
import { shrinkSignature } from "./shrink.ts";
import { functionDeclaration, type FuzzSignature, randomSignature } from "./signature.ts";
import { RUNTIMES, type Runtime } from "./tools.ts";
import { ROOT } from "../support/tmp.ts";

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  /** Number of signatures to try. */
  count: number;
  /** The seed; the same seed draws the same signatures. */
  seed: number;
  /** Signatures per generated library (amortises compiling). @default 50 */
  batchSize?: number;
  /** Only run this batch index (to reproduce a failure). @default all */
  onlyBatch?: number;
  /** Runtimes to run under. @default ["deno", "bun"] */
  runtimes?: readonly Runtime[];
  /** Where batches are built. @default `.tmp/fuzz/seed-SEED` in the repository */
  workDir?: string;
  /** Plant a known bug in the C side (self-test of the fuzzer). @default false */
  injectBug?: boolean;
  /** Shrink a failure to a minimal signature. @default true */
  shrink?: boolean;
  /** Progress lines. @default silent */
  log?: (line: string) => void;
}

/** A failure found by {@link runFuzz}, isolated and minimised. */
export interface FuzzFailure {
  /** The failing batch. */
  batch: number;
  /** The first failure seen in it. */
  first: BatchFailure;
  /** The failing signature, when it could be isolated. */
  signature?: FuzzSignature;
  /** The minimised signature, when shrinking ran. */
  minimal?: FuzzSignature;
  /** A report for people, including how to reproduce. */
  text: string;
}

/** What a fuzz run did. */
export interface FuzzSummary {
  /** Signatures tried. */
  signatures: number;
  /** Batches built. */
  batches: number;
  /** Import calls made by the guests, per runtime. */
  calls: number;
  /** NaNs that came back as a NaN with another payload, per runtime (allowed). */
  nanDiffs: Partial<Record<Runtime, number>>;
  /** NaNs checked bit for bit (imports on a runtime's memory path), per runtime. */
  nanStrict: Partial<Record<Runtime, number>>;
  /** The first failure, or `undefined` when everything passed. */
  failure?: FuzzFailure;
  /** Wall time in milliseconds. */
  ms: number;
}

/** The signatures of batch `b` for `seed`: independent of every other batch. */
export function batchSignatures(seed: number, b: number, size: number): FuzzSignature[] {
  const rng = new Prng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0);
  return Array.from({ length: size }, (_, i) => randomSignature(rng, `f${i}`));
}

/** Runs the fuzzer; resolves with a summary (it does not throw on a failing signature). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const t0 = performance.now();
  const size = options.batchSize ?? 50;
  const runtimes = options.runtimes ?? RUNTIMES;
  const work = options.workDir ?? join(ROOT, ".tmp/fuzz", `seed-${options.seed}`);
  const log = options.log ?? (() => {});
  const total = Math.ceil(options.count / size);
  const summary: FuzzSummary = { signatures: 0, batches: 0, calls: 0, nanDiffs: {}, nanStrict: {}, ms: 0 };
  for (let b = 0; b < total; b++) {
    if (options.onlyBatch !== undefined && b !== options.onlyBatch) continue;
    const sigs = batchSignatures(options.seed, b, Math.min(size, options.count - b * size));
    const outcome = await buildAndRun(sigs, join(work, `batch-${b}`), { runtimes, injectBug: options.injectBug });
    summary.signatures += sigs.length;
    summary.batches++;
    summary.calls += outcome.calls;
    for (const rt of runtimes) summary.nanDiffs[rt] = (summary.nanDiffs[rt] ?? 0) + (outcome.nanDiffs[rt] ?? 0);
    for (const rt of runtimes) summary.nanStrict[rt] = (summary.nanStrict[rt] ?? 0) + (outcome.nanStrict?.[rt] ?? 0);
    log(`batch ${b}: ${sigs.length} signatures, ${outcome.calls} calls per runtime, ${outcome.failures.length ? "FAILED" : "ok"}`);
    if (outcome.failures.length) {
      summary.failure = await investigate(b, sigs, outcome.failures[0]!, { ...options, runtimes, work, log, size });
      break;
    }
  }
  summary.ms = performance.now() - t0;
  return summary;
}

type Ctx = FuzzOptions & { runtimes: readonly Runtime[]; work: string; log: (l: string) => void; size: number };

/** Finds the failing signature of a batch and shrinks it. */
async function investigate(b: number, sigs: FuzzSignature[], first: BatchFailure, cx: Ctx): Promise<FuzzFailure> {
  const rts = first.runtime === "build" ? cx.runtimes : [first.runtime];
  let trial = 0;
  const fails = async (s: FuzzSignature): Promise<boolean> => {
    const dir = join(cx.work, `shrink-${b}`, `t${trial++}`);
    const o = await buildAndRun([s], dir, { runtimes: rts, injectBug: cx.injectBug });
    return o.failures.length > 0;
  };
  let signature: FuzzSignature | undefined = first.imp >= 0 ? sigs[first.imp] : undefined;
  if (!signature) {
    cx.log(`isolating the failing signature of batch ${b}…`);
    for (const s of sigs) if (await fails(s)) { signature = s; break; }
  }
  let minimal: FuzzSignature | undefined;
  if (signature && cx.shrink !== false) {
    cx.log(`shrinking ${signature.name}…`);
    minimal = await shrinkSignature(signature, fails, (s) => cx.log(`  still fails: ${functionDeclaration(s).trim().replace(/\n\s*/g, " ")}`));
  }
  const lines = [
    `FAILED: seed ${cx.seed}, batch ${b}, on ${first.runtime}`,
    first.report && signature ? `  ${describeMismatch(signature, first.report)}` : `  ${first.message.split("\n").join("\n  ")}`,
  ];
  if (signature) lines.push(`failing signature (import ${signature.name} of the batch):`, signatureBlock(signature));
  if (minimal) lines.push("minimal failing signature:", signatureBlock(minimal));
  lines.push(
    `batch files: ${join(cx.work, `batch-${b}`)}`,
    `reproduce: npm run fuzz -- --seed ${cx.seed} --count ${cx.count} --batch-size ${cx.size} --only-batch ${b}${cx.injectBug ? " --inject-bug" : ""}`,
  );
  return { batch: b, first, signature, minimal, text: lines.join("\n") };
}
