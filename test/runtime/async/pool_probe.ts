/**
 * Node's async imports run on libuv's thread pool, `UV_THREADPOOL_SIZE`
 * threads: N guests (a Host each) call `gather(N)`, which waits natively
 * until N calls run at once (or 5 s pass) and returns the most it saw.
 * Prints one JSON line for test/runtime/async.test.ts.
 * Usage: pool_probe.ts BINDINGS.ts LIBRARY.so GUEST.wasm N
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

const [bindings, library, guestFile, count] = process.argv.slice(2) as [string, string, string, string];
const { load } = await import(pathToFileURL(bindings).href);
const bytes = readFileSync(guestFile);
const n = Number(count);
const hosts = Array.from({ length: n }, () => load(library));
const seen = await Promise.all(hosts.map(async (host) => {
  const instance = await host.instantiate(bytes);
  return host.promising((instance.exports as Record<string, (n: number) => number>).gather!)(n);
}));
for (const host of hosts) host.close();
console.log(JSON.stringify({ seen }));
