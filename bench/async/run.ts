/**
 * The async-imports bench (issue 23), one runtime per process: prints one
 * JSON line for bench/main.ts. Usage: run.ts BINDINGS.ts LIBRARY GUEST.wasm ROUNDS
 *
 * - `idleTicks`: how often a 1 ms interval timer fires in 100 ms with
 *   nothing else running (the runtime's own timer floor).
 * - `waitTicks`: the same while one guest waits on a 100 ms native sleep.
 * - `fourMs`: wall time of four guests (a Host each) each waiting on a
 *   100 ms native sleep at once (median of ROUNDS).
 * - `overheadUs`: µs per async call with no native work, 1,000 calls in a
 *   loop inside the guest (median of ROUNDS).
 * - `firstMs`: the process's first async call, with no native work: what
 *   starting the runtime's threads for async imports costs (once).
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

const [bindings, library, guestFile, roundsText] = process.argv.slice(2) as [string, string, string, string];
const rounds = Number(roundsText);
const { load } = await import(pathToFileURL(bindings).href);
const bytes = readFileSync(guestFile);
type Guest = { sleep(ms: number): Promise<void>; nothing(n: number): Promise<void> };

/** A guest with a Host of its own, its exports through promising(). */
async function guest(): Promise<Guest & { close(): void }> {
  const host = load(library);
  const instance = await host.instantiate(bytes);
  const e = instance.exports as Record<string, (n: number) => void>;
  return { sleep: host.promising(e.sleep!), nothing: host.promising(e.nothing!), close: () => host.close() };
}

/** How often a 1 ms interval fires while `during` runs (at least 100 ms). */
async function ticks(during: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const timer = setInterval(() => n++, 1);
  await during();
  clearInterval(timer);
  return n;
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[xs.length >> 1]!;
const one = await guest();
const started = performance.now();
await one.nothing(1);
const firstMs = performance.now() - started;
const four = await Promise.all([0, 1, 2, 3].map(() => guest()));
// Warm-up: threads started, code compiled.
await Promise.all(four.map((g) => g.sleep(1)));
await one.nothing(1000);

const idleTicks: number[] = [];
const waitTicks: number[] = [];
const fourMs: number[] = [];
const overheadUs: number[] = [];
for (let r = 0; r < rounds; r++) {
  idleTicks.push(await ticks(() => new Promise((resolve) => setTimeout(resolve, 100))));
  waitTicks.push(await ticks(() => one.sleep(100)));
  let t = performance.now();
  await Promise.all(four.map((g) => g.sleep(100)));
  fourMs.push(performance.now() - t);
  t = performance.now();
  await one.nothing(1000);
  overheadUs.push(((performance.now() - t) * 1000) / 1000);
}
one.close();
for (const g of four) g.close();
console.log(JSON.stringify({ idleTicks: median(idleTicks), waitTicks: median(waitTicks), fourMs: median(fourMs), overheadUs: median(overheadUs), firstMs }));
process.exit(0);
