/**
 * Smoke tests of the benchmark's reporting code (bench/report) and of the
 * expected sums the runners verify calls against (bench/call/cases.ts).
 * The benchmark itself is not part of `npm test`: timings are the machine's.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { barChartSvg, formatValue, xmlEscape } from "../bench/report/svg.ts";
import { callChecks, fastPathCheck, formatCheck, reloadCheck } from "../bench/report/checks.ts";
import { callOverheadMarkdown } from "../bench/report/markdown.ts";
import { callOverheadChart } from "../bench/report/chart.ts";
import { codegenChecks, codegenMarkdown } from "../bench/report/codegen.ts";
import { mergeRuns, mergeSamples } from "../bench/report/merge.ts";
import { median } from "../bench/call/harness.ts";
import type { CallResult, CodegenSample, ProbeResult, RuntimeRun } from "../bench/report/model.ts";
import { expectedSum, GENERATED_CASES, type GuestShape, SHAPE_ONE, SHAPE_TWO } from "../bench/call/cases.ts";
import { ROOT } from "./support/tmp.ts";
import { startupChecks, startupMarkdown, type StartupRow } from "../bench/report/startup.ts";
import { type AsyncRow, asyncChecks, asyncMarkdown } from "../bench/report/async.ts";

function row(id: string, ns: number): CallResult {
  return { id, label: `label of ${id}`, group: id.startsWith("hb_") ? "hostbind" : "baseline", nsPerCall: ns, minNs: ns * 0.9, samples: [ns, ns, ns, ns, ns], n: 1000, verified: true };
}

function probe(id: string, fast: number, slow: number): ProbeResult {
  return { id, symbol: `sym_${id}`, fast, slow, onFastPath: slow === 0 && fast > 0 };
}

function run(runtime: "deno" | "bun", ns: Record<string, number>, probes: ProbeResult[] = []): RuntimeRun {
  return { runtime, version: `${runtime} 1.0 (engine)`, results: Object.entries(ns).map(([id, v]) => row(id, v)), probe: probes };
}

const DENO = run(
  "deno",
  { js_floor: 4, ffi_arrow: 5, ffi_arrow_ctx: 5, wrapper_array: 90, hb_one: 5.5, hb_one_noctx: 6, hb_two: 9, hb_four: 11 },
  [probe("ffi_arrow", 100, 0), probe("ffi_direct", 0, 100), probe("hb_one", 100, 0), probe("hb_two", 100, 0)],
);

describe("call-overhead checks", () => {
  it("computes each ratio and its verdict", () => {
    const checks = callChecks([DENO]);
    const byName = (s: string) => checks.find((c) => c.name.startsWith(s))!;
    expect(byName("2-result").value).toBeCloseTo(9 / 5.5);
    expect(byName("2-result").pass).toBe(false); // 1.64 > 1.5
    expect(byName("hand-written array").value).toBeCloseTo(10);
    expect(byName("hand-written array").pass).toBe(true);
    expect(byName("1-result import").value).toBeCloseTo(1.1);
    expect(byName("1-result import").pass).toBe(true);
    expect(byName("1-result @noctx").pass).toBe(false); // 6 / 5 = 1.2
    expect(byName("every generated").pass).toBe(true);
    // Issue 22: every generated Deno import ≤ 2.8× the floor, one check each (hb_four: 11 / 4 = 2.75).
    expect(checks.filter((c) => / ≤ 2\.8× the pure-JS floor$/.test(c.name) && c.name.startsWith("hb_")).map((c) => [c.name, c.pass])).toEqual([
      ["hb_one ≤ 2.8× the pure-JS floor", true],
      ["hb_one_noctx ≤ 2.8× the pure-JS floor", true],
      ["hb_two ≤ 2.8× the pure-JS floor", true],
      ["hb_four ≤ 2.8× the pure-JS floor", true],
    ]);
    expect(callChecks([run("deno", { ...Object.fromEntries(DENO.results.map((r) => [r.id, r.nsPerCall])), hb_four_mixed: 12.7 }, DENO.probe)])
      .find((c) => c.name.startsWith("hb_four_mixed"))).toMatchObject({ pass: false, limit: 2.8 });
  });

  it("fails a check whose cases were not measured, saying which", () => {
    const [first] = callChecks([run("bun", { js_floor: 4 })]);
    expect(first!.pass).toBe(false);
    expect(formatCheck(first!)).toMatch(/^FAIL bun: .*not measured: case hb_two was not measured/);
  });

  it("trusts the fast-path probe only when it tells the known-fast from the known-slow call", () => {
    const blind = { ...DENO, probe: [probe("ffi_arrow", 100, 0), probe("ffi_direct", 100, 0), probe("hb_one", 100, 0)] };
    expect(fastPathCheck(blind).missing).toMatch(/could not tell/);
    const slowOne = { ...DENO, probe: [...DENO.probe, probe("hb_four", 0, 100)] };
    expect(fastPathCheck(slowOne)).toMatchObject({ pass: false, value: 2, limit: 3 });
    expect(formatCheck(fastPathCheck(slowOne))).toBe("FAIL deno: every generated Deno symbol on the fast call path: 2 of 3");
  });
});

describe("call-overhead markdown", () => {
  it("has one table per runtime with ratios to the floor and to the wrapper", () => {
    const bun = run("bun", { js_floor: 5, ffi_arrow: 4, hb_one: 6 });
    const md = callOverheadMarkdown({ machine: "test box", runs: [DENO, bun], checks: callChecks([DENO, bun]) });
    expect(md).toContain("## deno — deno 1.0 (engine)");
    expect(md).toContain("## bun — bun 1.0 (engine)");
    // hb_one on Deno: 5.5 ns, 5.5 / 4 = 1.38 × floor, 5.5 / 5 = 1.10 × wrapper; hostbind rows in bold.
    expect(md).toContain("| **label of hb_one** | 5.50 | 4.95 | 1.38 | 1.10 | 5.50 | 1000 |");
    expect(md).toContain("| hb_one | `sym_hb_one` | 100 | 0 | yes |");
    expect(md).toMatch(/## Targets\n\n```\n(PASS|FAIL) deno/);
  });
});

describe("merging runner processes", () => {
  it("takes each case's median over the processes, the overall min, and every sample", () => {
    const a = run("bun", { ffi_arrow: 4.6, hb_one: 5.1, js_floor: 4 });
    const b = run("bun", { ffi_arrow: 5.9, hb_one: 5.3, js_floor: 4.2 });
    const c = run("bun", { ffi_arrow: 4.7, hb_one: 5.0, js_floor: 4.1 });
    const merged = mergeRuns([a, b, c]);
    const hb = merged.results.find((r) => r.id === "hb_one")!;
    expect(hb.nsPerCall).toBe(5.1);
    expect(hb.processMedians).toEqual([5.1, 5.3, 5.0]);
    expect(hb.minNs).toBeCloseTo(5.0 * 0.9);
    expect(hb.samples).toHaveLength(15);
    expect(merged.results.find((r) => r.id === "ffi_arrow")!.nsPerCall).toBe(4.7);
    const md = callOverheadMarkdown({ machine: "m", runs: [merged], checks: [] });
    expect(md).toContain("| 5.10 | 4.50 | 1.24 | 1.09 | 5.10, 5.30, 5.00 | 1000 |");
  });

  it("prints the ratio inside each process beside a merged check's value", () => {
    const a = run("bun", { ffi_arrow_ctx: 4.4, hb_one: 5.0 });
    const b = run("bun", { ffi_arrow_ctx: 4.9, hb_one: 5.0 });
    const c = run("bun", { ffi_arrow_ctx: 4.5, hb_one: 5.2 });
    const check = callChecks([mergeRuns([a, b, c])]).find((x) => x.name.startsWith("1-result import"))!;
    expect(check.value).toBeCloseTo(5.0 / 4.5);
    expect(check.perProcess!.map((x) => Number(x.toFixed(3)))).toEqual([1.136, 1.02, 1.156]);
    expect(formatCheck(check)).toBe("PASS bun: 1-result import ≤ 1.15× hand-written arrow wrapper (both with ctx): 1.11× (per process 1.14, 1.02, 1.16)");
    // One process: nothing to add.
    expect(formatCheck(callChecks([a]).find((x) => x.name.startsWith("1-result import"))!)).not.toContain("per process");
  });

  it("drops a case some process lacks and refuses mixed runtimes or no runs", () => {
    const merged = mergeRuns([run("deno", { js_floor: 4, hb_one: 5 }), run("deno", { js_floor: 4 })]);
    expect(merged.results.map((r) => r.id)).toEqual(["js_floor"]);
    expect(() => mergeRuns([run("deno", {}), run("bun", {})])).toThrow(/different runtimes/);
    expect(() => mergeRuns([])).toThrow(/no runs/);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("marks the merged case unverified when any process saw a wrong sum", () => {
    const bad = run("deno", { hb_one: 5 });
    bad.results[0]!.verified = false;
    expect(mergeRuns([run("deno", { hb_one: 5 }), bad]).results[0]!.verified).toBe(false);
  });
});

describe("SVG bar chart", () => {
  const chart = callOverheadChart([DENO, run("bun", { js_floor: 3, hb_one: 7 })]);

  it("draws one bar per measured value and leaves missing ones out", () => {
    const svg = barChartSvg(chart);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.endsWith("</svg>\n")).toBe(true);
    const measured = chart.series.flatMap((s) => s.values).filter((v) => v !== undefined).length;
    // Bars plus the background rect plus one legend swatch per series.
    expect(svg.match(/<rect /g)!.length).toBe(measured + 1 + chart.series.length);
    expect(measured).toBe(7 + 2); // DENO has 7 of the chart's rows, the Bun run 2
  });

  it("is deterministic and escapes text", () => {
    const c = { title: "a < b & c", categories: ["x \"y\""], series: [{ name: "s", color: "#000", values: [12.345] }], unit: "ns" };
    expect(barChartSvg(c)).toBe(barChartSvg(c));
    expect(barChartSvg(c)).toContain("a &lt; b &amp; c");
    expect(barChartSvg(c)).toContain("x &quot;y&quot;");
    expect(barChartSvg(c)).toContain(">12.3 ns<");
    expect(xmlEscape("<&>")).toBe("&lt;&amp;&gt;");
    expect([formatValue(1234.5), formatValue(12.34), formatValue(1.234)]).toEqual(["1235", "12.3", "1.23"]);
  });

  it("puts the largest value inside the log axis", () => {
    const svg = barChartSvg({ title: "t", categories: ["a", "b"], series: [{ name: "s", color: "#000", values: [3, 800] }], unit: "ns" });
    const ticks = [...svg.matchAll(/fill="#555555">(\d+)</g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(800);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(3);
  });
});

describe("codegen report", () => {
  const sample = (runtime: "deno" | "bun", size: number, mode: "parse" | "generate", ms: number): CodegenSample => ({
    runtime, size, mode, inputChars: size * 75, outputChars: size * 2000, firstMs: ms, medianMs: ms, times: [ms], rssBeforeMiB: 100, peakMiB: 100 + size / 100,
  });
  const samples = [
    sample("deno", 100, "parse", 4), sample("deno", 100, "generate", 12),
    { ...sample("deno", 1000, "parse", 20), firstMs: 40, warmMs: 10 }, { ...sample("deno", 1000, "generate", 25), firstMs: 100, warmMs: 30 },
    sample("deno", 10000, "parse", 200), sample("deno", 10000, "generate", 750),
  ];

  it("merges fresh-process samples by the median of their medians, keeping every run and the highest peak", () => {
    const a = { ...sample("bun", 10000, "parse", 79), times: [160, 67, 79, 88, 58], peakMiB: 154 };
    const b = { ...sample("bun", 10000, "parse", 72), times: [163, 61, 72, 85, 57], peakMiB: 156 };
    const c = { ...sample("bun", 10000, "parse", 98), times: [176, 126, 98, 75, 76], peakMiB: 150 };
    const m = mergeSamples([a, b, c]);
    expect(m).toMatchObject({ medianMs: 79, peakMiB: 156, processMedians: [79, 72, 98] });
    expect(m.warmMs).toBeUndefined();
    expect(mergeSamples([{ ...a, warmMs: 50 }, { ...b, warmMs: 40 }, { ...c, warmMs: 60 }]).warmMs).toBe(50);
    expect(m.times).toHaveLength(15);
    expect(() => mergeSamples([a, sample("bun", 10000, "generate", 1)])).toThrow(/different/);
    expect(() => mergeSamples([])).toThrow(/no samples/);
  });

  it("checks the warm time at 1,000 imports (reporting the first run) and linear growth between the sizes", () => {
    const [warm, small, large] = codegenChecks(samples);
    // Warm 30 ms against 150; the first run (100 ms) and the floor ratio (25 / 20) are reported beside it.
    expect(warm).toMatchObject({ scope: "codegen/deno", value: 30, limit: 150, pass: true, unit: " ms", note: "first run 100.0 ms, 1.25× the ts-morph parse floor" });
    expect(formatCheck(warm!)).toBe("PASS codegen/deno: generate() warm at 1,000 imports, five outputs ≤ 150 ms: 30.00 ms (first run 100.0 ms, 1.25× the ts-morph parse floor)");
    expect(small!.value).toBeCloseTo(0.2083); // 0.025 ms/import at 1,000 vs 0.12 at 100
    expect(small!.pass).toBe(true);
    expect(large!.value).toBeCloseTo(3); // 0.075 ms/import at 10,000 vs 0.025 at 1,000
    expect(large!.pass).toBe(false);
    const missing = codegenChecks(samples.filter((s) => s.size !== 100));
    expect(missing[1]).toMatchObject({ pass: false, missing: "sizes not measured" });
  });

  it("tabulates per-import cost, growth between sizes, and the first-run and warm ratios", () => {
    const md = codegenMarkdown({ machine: "m", samples, checks: codegenChecks(samples) }, ["extra section"]);
    // 1,000: first 100 / 40 → 2.50, warm 30 / 10 → 3.00, 25 µs/import, growth (25 − 12) / 900 → 14.4 µs/import.
    expect(md).toContain("| 1000 | 20.0 | 25.0 | 1.25 | 2.50 | 3.00 | 25.0 | 14.4 | 110.0 | 110.0 | 1.9 |");
    // 10,000: no warm runs measured → "—"; growth (750 − 25) / 9000 → 80.6 µs/import.
    expect(md).toContain("| 10000 | 200.0 | 750.0 | 3.75 | 3.75 | — | 75.0 | 80.6 | 200.0 | 200.0 | 19.1 |");
    expect(md.trimEnd().endsWith("extra section")).toBe(true);
  });
});

describe("Deno's reload target", () => {
  it("compares the fourth Host with the first, by the median of the processes' ratios", () => {
    const c = reloadCheck([[8, 8.8, 8.8, 8.8], [8, 9, 9, 12], [10, 10, 10, 10.5]]);
    expect(c).toMatchObject({ scope: "deno", limit: 1.2, pass: true, perProcess: [1.1, 1.5, 1.05] });
    expect(c.value).toBeCloseTo(1.1);
    expect(reloadCheck([[8, 70, 70, 71]]).pass).toBe(false);
    expect(reloadCheck([])).toMatchObject({ pass: false, missing: "the reload runs printed nothing" });
  });
});

describe("expected sums the runners verify", () => {
  function bruteForce(shape: GuestShape, n: number): number {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (shape.arg === "ptr16") {
        for (let t = 0; t < 16; t++) s += (((i & 0xff) << 4) + t) & 0xff;
        continue;
      }
      // The native side adds each string's length to its sink; the guest each result's length.
      if (shape.arg === "win16") s += 16;
      if (shape.arg === "ret64") s += 64;
      if (shape.arg === "win16" || shape.arg === "ret64") continue;
      const m = i & 0xffff;
      const np = shape.params.length;
      if (shape.results.length === 0) s += np * m;
      shape.results.forEach((_, k) => (s += np * m + k));
    }
    return s;
  }

  it.each([SHAPE_ONE, SHAPE_TWO, ...GENERATED_CASES])("matches a brute-force loop for %o", (shape) => {
    for (const n of [0, 1, 255, 256, 70_000, 200_001]) expect(expectedSum(shape, n)).toBe(bruteForce(shape, n));
  });
});

describe("start-up report", () => {
  const rows: StartupRow[] = [
    { runtime: "deno", bareMs: [60, 70, 65], helpMs: [120, 140, 130] },
    { runtime: "node", bareMs: [40, 40, 40], helpMs: [90, 81, 85] },
    { runtime: "bun", bareMs: [5, 6, 5], helpMs: [40, 45, 50] },
  ];

  it("compares medians against each runtime's own limit", () => {
    const [deno, node, bun] = startupChecks(rows);
    expect(deno).toMatchObject({ scope: "startup/deno", value: 2, limit: 2, pass: true });
    expect(node).toMatchObject({ scope: "startup/node", value: 85 / 40, limit: 2, pass: false });
    expect(bun).toMatchObject({ scope: "startup/bun", value: 9, limit: 10, pass: true });
  });

  it("tabulates the commands side by side", () => {
    const md = startupMarkdown("m", rows, startupChecks(rows));
    expect(md).toContain("| deno | `deno eval 0` | 65.0 | `deno run -A src/cli.ts --help` | 130.0 | 2.00 |");
    expect(md).toContain("FAIL startup/node: hostbind --help ≤ 2× the runtime's bare start: 2.13×");
  });
});

describe("benchmark code", () => {
  it("times both call paths for exactly the cases with a 64-bit value and a context, and a string's (i32, i32)", async () => {
    const { PATH_CASES } = await import("../bench/call/common.ts");
    expect(PATH_CASES.map((c) => c.id)).toEqual(["one_i64", "i64_to_i32", "three_i64", "two_mixed", "four_mixed", "pair16"]);
  });

  it("type-checks (the Deno runner and bench/main.ts, which import the emitters directly)", () => {
    const r = spawnSync(join(ROOT, "node_modules/.bin/deno"), ["check", "--quiet", "bench/main.ts", "bench/call/deno.ts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);
});

describe("async-imports report", () => {
  const rows: AsyncRow[] = [
    { runtime: "deno", idleTicks: 46, waitTicks: 47, fourMs: 101, overheadUs: 15, firstMs: 1.5 },
    { runtime: "node", idleTicks: 90, waitTicks: 40, fourMs: 180, overheadUs: 120, firstMs: 2.25 },
    { runtime: "bun", idleTicks: 90, waitTicks: 91, fourMs: 101, overheadUs: 500, firstMs: 40 },
  ];
  const checks = asyncChecks(rows);
  const verdicts = checks.map(formatCheck);

  it("checks the targets per runtime, with the idle timer beside the 80-tick one", () => {
    expect(verdicts).toContain("FAIL async/deno: a 1 ms timer fires ≥ 80 times while a guest waits on a 100 ms native sleep: 47.00 times (46 with nothing running)");
    expect(verdicts).toContain("PASS async/deno: the timer fires ≥ 0.9× as often as with nothing running: 1.02×");
    expect(verdicts).toContain("PASS async/deno: an async import with no native work ≤ 30 µs: 15.00 µs");
    expect(verdicts).toContain("FAIL async/node: the timer fires ≥ 0.9× as often as with nothing running: 0.44×");
    expect(verdicts).toContain("FAIL async/node: four guests each waiting on a 100 ms native sleep finish within 150 ms: 180.00 ms");
    expect(verdicts).toContain("FAIL async/node: an async import with no native work ≤ 100 µs: 120.00 µs");
    // Bun's cost is reported, never failed.
    expect(verdicts).toContain("PASS async/bun: an async import with no native work (reported): 500.00 µs");
  });

  it("renders a table row per runtime", () => {
    const md = asyncMarkdown("test machine", rows, checks);
    expect(md).toContain("| deno | `nonblocking` FFI symbol | 46 | 47 | 101.0 | 15.0 | 1.5 |");
    expect(md).toContain("| node | libuv thread pool (`uv_queue_work`) | 90 | 40 | 180.0 | 120.0 | 2.3 |");
    expect(md).toContain("| bun | Worker pool, `Atomics.waitAsync` | 90 | 91 | 101.0 | 500.0 | 40.0 |");
  });
});
