/**
 * Async imports in Deno, Bun or Node 26 (issue 23): prints one JSON line for
 * test/runtime/async.test.ts. Usage: probe.ts BINDINGS.ts LIBRARY.so GUEST.wasm
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

// deno-lint-ignore no-explicit-any
type Any = any;
const [bindings, library, guestFile] = process.argv.slice(2) as [string, string, string];
const { load } = await import(pathToFileURL(bindings).href);
const bytes = readFileSync(guestFile);

/** The error a promise rejects with: its name and message. */
async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; import?: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    const err = e as Error & { import?: string };
    return { name: err.name, message: err.message, ...(err.import === undefined ? {} : { import: err.import }) };
  }
}

const host = load(library);
const instance = await host.instantiate(bytes);
const e = instance.exports as Record<string, (...args: number[]) => number>;
const run = (name: string) => host.promising(e[name]!);

// The event loop runs while the guest waits on a native sleep.
let ticks = 0;
const timer = setInterval(() => ticks++, 1);
const slept = await run("sleep")(100);
clearInterval(timer);

const results = {
  divmod: await run("divmod")(17, 5),
  peek: await run("peek")(),
  mixed: await run("mixed")(40),
  upper: await run("upper")(),
  nothing: await run("nothing")(),
};
const trap = await failure(run("divmod")(1, 0));
const fenced = await failure(run("call_guest")());
// Without promising(): the runtime's SuspendError, before any native call.
let plain: string | null = null;
try {
  e.sleep!(1);
} catch (err) {
  plain = (err as Error).name;
}
// A second call into the guest while it is suspended: refused.
const first = run("sleep")(20);
const reentered = await failure(run("sleep")(1));
await first;
// Four guests, one Host each, waiting at once: the native side sees all four in flight together.
const hosts = [0, 1, 2, 3].map(() => load(library));
const gathered = await Promise.all(hosts.map(async (h) => {
  const i = await h.instantiate(bytes);
  return h.promising((i.exports as Record<string, (n: number) => number>).gather!)(4);
}));
for (const h of hosts) h.close();
// close() while a string result waits, copied aside: the call fails, the copy is freed, nothing crashes.
const other = load(library);
const otherInstance = await other.instantiate(bytes);
const pending = other.promising((otherInstance.exports as Record<string, () => number>).upper!)();
other.close();
const closedUpper = await failure(pending);
// close() while a call is in flight: the call fails with the closed error, and the library's close
// function runs after the native call returned (it prints the sleeps finished by then).
const inflight = run("sleep")(50);
host.close();
const closed = await failure(inflight);

console.log(JSON.stringify({ slept, ticked: ticks > 0, results, trap, fenced, plain, reentered, gathered, closedUpper, closed }));
process.exit(0);
