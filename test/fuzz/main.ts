/**
 * `npm run fuzz -- --count N --seed S`: the seeded differential ABI fuzzer's
 * command line. Exits 0 when every signature passed on every runtime, 1 with
 * a minimised report otherwise. See `test/fuzz/README.md`.
 *
 * @example
 * ```sh
 * npm run fuzz -- --count 5000 --seed 7
 * npm run fuzz -- --seed 7 --count 5000 --batch-size 50 --only-batch 12   # reproduce one batch
 * ```
 * @module
 */
import process from "node:process";
import { runFuzz, type FuzzOptions } from "./fuzz.ts";
import { RUNTIMES, type Runtime } from "./tools.ts";
import { runDataFuzz } from "./data/run.ts";

const USAGE = `usage: npm run fuzz -- [--count N] [--seed S] [--batch-size K] [--only-batch B]
                      [--runtimes deno,bun] [--no-shrink] [--inject-bug] [--work-dir DIR] [--data [--vectors V]]`;

/** The command line's options: the numeric fuzzer's, or (with `--data`) the data fuzzer's. */
export interface CliOptions extends FuzzOptions {
  /** Run the string/Uint8Array fuzzer (`data/run.ts`) instead. */
  data?: boolean;
  /** Argument vectors per signature for `--data`. */
  vectors?: number;
}

/** Parses the command line into fuzz options (throws a usage message on a mistake). */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { count: 300, seed: 1 };
  const int = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${flag} expects a non-negative integer, found ${v ?? "nothing"}\n${USAGE}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    switch (a) {
      case "--count": o.count = int(a, v); i++; break;
      case "--seed": o.seed = int(a, v); i++; break;
      case "--batch-size": o.batchSize = Math.max(1, int(a, v)); i++; break;
      case "--only-batch": o.onlyBatch = int(a, v); i++; break;
      case "--work-dir": o.workDir = v; i++; break;
      case "--no-shrink": o.shrink = false; break;
      case "--inject-bug": o.injectBug = true; break;
      case "--data": o.data = true; break;
      case "--vectors": o.vectors = Math.max(1, int(a, v)); i++; break;
      case "--runtimes": {
        const list = (v ?? "").split(",").filter((x) => x !== "");
        const bad = list.filter((x) => !(RUNTIMES as readonly string[]).includes(x));
        if (list.length === 0 || bad.length) throw new Error(`--runtimes expects deno and/or bun, found ${v ?? "nothing"}\n${USAGE}`);
        o.runtimes = list as Runtime[];
        i++;
        break;
      }
      case "--help": case "-h": throw new Error(USAGE);
      default: throw new Error(`Unknown argument ${a}\n${USAGE}`);
    }
  }
  return o;
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  console.log(`hostbind fuzz: ${options.count} signatures, seed ${options.seed}, runtimes ${(options.runtimes ?? RUNTIMES).join(", ")}`);
  if (options.data) return await mainData(options);
  const s = await runFuzz({ ...options, log: (l) => console.log(l) });
  const nan = Object.entries(s.nanDiffs).map(([rt, n]) => `${rt} ${n}`).join(", ")
    + `; checked bit for bit on the memory path: ${Object.entries(s.nanStrict).map(([rt, n]) => `${rt} ${n}`).join(", ")}`;
  console.log(`${s.signatures} signatures in ${s.batches} batches, ${s.calls} calls per runtime, ${(s.ms / 1000).toFixed(1)} s; NaN payloads changed: ${nan}`);
  if (s.failure) {
    console.error(s.failure.text);
    return 1;
  }
  console.log("all passed");
  return 0;
}

/** `--data`: the string/Uint8Array fuzzer; exit 1 with the first failures of each runtime. */
async function mainData(o: CliOptions): Promise<number> {
  const r = await runDataFuzz({
    count: o.count, seed: o.seed, vectors: o.vectors ?? 12, runtimes: o.runtimes, injectBug: o.injectBug,
    workDir: o.workDir ?? `.tmp/fuzz/data-seed-${o.seed}`,
  });
  let failed = false;
  for (const [rt, s] of Object.entries(r)) {
    console.log(`${rt}: ${s.calls} calls (${s.traps} must trap, ${s.dataResults} data results, longest argument ${s.maxLength} bytes)`);
    for (const f of s.failures) console.error(`  FAILED ${f}`);
    failed ||= s.failures.length > 0;
  }
  if (failed) return 1;
  console.log("all passed");
  return 0;
}

// `import.meta.main` exists in Deno and Bun (the fuzzer's runtimes), not in Node's typings.
if ((import.meta as { main?: boolean }).main) process.exit(await main());
