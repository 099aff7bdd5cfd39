/**
 * A second thread using the conformance library at the same time as the
 * driver's thread: loads the bindings in this Worker, gives its Host its own
 * user data, and calls `id_i64(v)` and `user_data()` (through the memory
 * call path's shims on every runtime) many times, counting answers that
 * are not its own. The
 * shims find their Host through a thread-local pointer: a pointer shared
 * between threads would hand this thread the other Host's context.
 * @module
 */
// deno-lint-ignore-file no-explicit-any
const scope: any = globalThis;
const runtime = "Deno" in scope ? "deno" : "Bun" in scope ? "bun" : "node";

async function work(dir: string, userData: bigint, calls: number, post: (m: unknown) => void): Promise<number> {
  const mod: any = await import(new URL(`conformance.${runtime}.ts`, dir).href);
  const { readFileSync } = await import("node:fs");
  const bytes = new Uint8Array(readFileSync(new URL("conformance.wasm", dir)));
  const pointer = runtime === "deno" ? scope.Deno.UnsafePointer.create(userData) : runtime === "bun" ? Number(userData) : userData;
  const host = mod.load({ userData: pointer });
  const { instance } = await WebAssembly.instantiate(bytes, host.imports);
  host.bind(instance);
  const g = instance.exports as any;
  g.user_data(); // selected: from here on both threads' Hosts are live in the library at once
  post("ready");
  let wrong = 0;
  for (let i = 0; i < calls; i++) {
    // id_i64 takes the memory call path everywhere: its argument and result travel through this Host's block.
    const v = BigInt(-i);
    if (host.imports.env.id_i64(v) !== v || (i % 64 === 0 && g.user_data() !== userData)) wrong++;
  }
  host.close();
  return wrong;
}

type Job = { dir: string; userData: bigint; calls: number };
if (runtime === "node") {
  const { parentPort } = await import("node:worker_threads");
  const post = (m: unknown) => parentPort!.postMessage(m);
  parentPort!.on("message", async (job: Job) => post(await work(job.dir, job.userData, job.calls, post)));
} else {
  const post = (m: unknown) => scope.postMessage(m);
  scope.onmessage = async (e: { data: Job }) => post(await work(e.data.dir, e.data.userData, e.data.calls, post));
}
