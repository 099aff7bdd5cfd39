/**
 * Async imports from a Worker thread (node:worker_threads, which Deno, Bun
 * and Node 26 all have): the main thread and a Worker each load a Host of
 * one library and each run a guest through async imports at the same time;
 * each thread's calls complete on its own event loop. Prints one JSON line
 * for test/runtime/async.test.ts. Usage: worker_probe.ts BINDINGS.ts LIBRARY.so GUEST.wasm
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

type Args = [bindings: string, library: string, guest: string];

/** Runs the guest on this thread: a 30 ms native sleep, then divmod(17, 5), through async imports. */
async function runGuest([bindings, library, guestFile]: Args): Promise<number[]> {
  const { load } = await import(pathToFileURL(bindings).href);
  const host = load(library);
  const instance = await host.instantiate(readFileSync(guestFile));
  const e = instance.exports as Record<string, (...args: number[]) => number>;
  const slept = await host.promising(e.sleep!)(30);
  const divmod = await host.promising(e.divmod!)(17, 5);
  host.close();
  return [slept, divmod];
}

if (isMainThread) {
  const args = process.argv.slice(2) as Args;
  const worker = new Worker(new URL(import.meta.url), { workerData: args });
  const fromWorker = new Promise<number[]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const [main, other] = await Promise.all([runGuest(args), fromWorker]);
  await worker.terminate();
  console.log(JSON.stringify({ main, worker: other }));
  process.exit(0);
} else {
  parentPort!.postMessage(await runGuest(workerData as Args));
}
