/**
 * The conformance driver, run under the real `deno` and the real `bun`:
 * loads the generated bindings from the directory given as the first
 * argument, instantiates the guest (`conformance.wasm`), binds its memory and
 * checks every behaviour docs/abi.md and docs/generated-api.md promise. Prints one line per check and
 * exits 1 when any failed.
 *
 * @example
 * ```sh
 * deno run -A test/runtime/driver.ts .tmp/tests/conformance-XXXX
 * bun test/runtime/driver.ts .tmp/tests/conformance-XXXX
 * ```
 * @module
 */
// deno-lint-ignore-file no-explicit-any
declare const Deno: any;
declare const Bun: any;
declare const process: any;

const isDeno = typeof Deno !== "undefined";
const isBun = typeof Bun !== "undefined";
const runtime = isDeno ? "deno" : isBun ? "bun" : "node";
const dir: string = isDeno ? Deno.args[0] : process.argv[2];
const dirUrl = new URL(`file://${dir.startsWith("/") ? "" : `${process?.cwd?.() ?? Deno.cwd()}/`}${dir}/`);
const mod: any = await import(new URL(`conformance.${runtime}.ts`, dirUrl).href);
const nolib: any = await import(new URL(`nolib.${runtime}.ts`, dirUrl).href);
/** A compiled guest from the test directory. */
async function wasmFile(name: string): Promise<Uint8Array> {
  if (isDeno) return Deno.readFileSync(new URL(name, dirUrl));
  const { readFileSync } = await import("node:fs");
  return new Uint8Array(readFileSync(new URL(name, dirUrl)));
}
const guestBytes = await wasmFile("conformance.wasm");
const guestBytesOf = { start: await wasmFile("start_guest.wasm") };

let failures = 0;
function check(name: string, ok: boolean, detail: unknown = ""): void {
  if (!ok) failures++;
  console.log(`${ok ? "ok" : "FAIL"} ${name}${ok ? "" : `: ${String(detail)}`}`);
}
function throws(name: string, f: () => unknown, test: (e: any) => boolean): void {
  try {
    const r = f();
    check(name, false, `returned ${String(r)} instead of throwing`);
  } catch (e) {
    check(name, test(e), e);
  }
}
function same(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
function collectGarbage(): void {
  // Deno has no gc() without --expose-gc, Node none without the flag; Bun is the engine that moves small arrays.
  if (isBun) Bun.gc(true);
}

const USER_DATA = 0x123456789abcn;
const userData = isDeno ? Deno.UnsafePointer.create(USER_DATA) : isBun ? Number(USER_DATA) : USER_DATA;
const host = mod.load({ userData });
const { instance } = await WebAssembly.instantiate(guestBytes as BufferSource, host.imports as WebAssembly.Imports);
const g = instance.exports as any;
host.bind(instance);

check("every value type, 0/1/2/6 results, @noctx (guest checks)", g.run() === 0, `check ${g.run()} failed`);

// Traps: code and message reach the guest's caller; the next call is clean.
throws("trap from a 2-result import", () => g.quotient(1, 0),
  (e) => e instanceof mod.HostTrap && e.code === 7 && e.message === "env.divmod: division by zero" && e.import === "env.divmod" && e.name === "HostTrap");
check("clean call after a trap", g.quotient(9, 2) === 4);
throws("trap from a 1-result import", () => g.sqrt(-1), (e) => e instanceof mod.HostTrap && e.code === 22 && e.message === "env.checked_sqrt: negative input");
check("clean 1-result call after a trap", g.sqrt(9) === 3);
throws("trap from a 0-result import", () => g.fail(42), (e) => e instanceof mod.HostTrap && e.code === 42 && e.message === "env.fail: failed with code 42");
throws("long trap message is truncated", () => g.fail_long(),
  (e) => e.code === -1 && e.message.length === "env.fail_long: ".length + 223 && e.message.startsWith("env.fail_long: abcdefghijklmnopqrstuvwxyzabc"));
throws("out-of-bounds guest pointer traps", () => g.mem_sum(65534, 4), (e) => e.code === 1 && e.message === "env.mem_sum: out of bounds");
check("guest checks pass again after traps", g.run() === 0, g.run());

// Guest memory growth, from wasm and from JS.
check("memory.grow in the guest, then a native read of the new page", g.grow_and_sum() === 0);
check("memory_size after the guest grew", g.mem_size() === 2n * 65536n, g.mem_size());
const memory = g.memory as WebAssembly.Memory;
memory.grow(1);
new Uint8Array(memory.buffer).set([9, 10, 11], 2 * 65536 + 8);
check("memory grown from JS is seen natively", g.mem_sum(2 * 65536 + 8, 3) === 30, g.mem_sum(2 * 65536 + 8, 3));
check("memory_size after JS grew", g.mem_size() === 3n * 65536n);

check("user_data round-trip", g.user_data() === USER_DATA, g.user_data());

// The out-areas must never move: many calls with garbage collections in between.
let bad = 0;
for (let round = 0; round < 5; round++) {
  bad += g.stress(20000);
  for (let i = 0; i < 2000; i++) new Uint8Array(64); // small arrays: what Bun moves
  collectGarbage();
}
check("100k multi-result calls with GCs in between", bad === 0, `${bad} wrong`);

// JS callers get arrays from multi-result imports and unsigned values where declared.
const env = host.imports.env;
check("JS call of a 2-result import", same(env.divmod(7, 2), [3, 1]), env.divmod(7, 2));
check("JS call of a 6-result import", same(env.spread(1, 10, 21n, 5n, 1.25, 2), [2, 9, 42n, 6n, 2.5, -2]), env.spread(1, 10, 21n, 5n, 1.25, 2));
// An import on the memory call path (on Node every one; on Deno and Bun those with 64-bit
// values) is a function of the call stub, so a JS caller gets its results as wasm returns
// them: u32 and u64 as their signed bit patterns (docs/generated-api.md).
const U32_MAX = runtime === "node" ? -1 : 4294967295;
const U64_MAX = -1n;
check("JS call: u32 max", env.id_u32(4294967295) === U32_MAX, env.id_u32(4294967295));
check("JS call: u64 max", env.id_u64(2n ** 64n - 1n) === U64_MAX, env.id_u64(2n ** 64n - 1n));
check("JS call: i64 min", env.id_i64(-(2n ** 63n)) === -(2n ** 63n));
// JS callers get wasm's conversions (ToInt32, ToUint32, ToNumber), one result or several, in both runtimes.
const conv = [env.id_i32(7.9), env.id_i32(undefined), env.id_i32(2 ** 32 + 5), env.id_u32(-1), env.id_f64(undefined), env.divmod(7.9, "2")];
const big = [env.id_i64(2n ** 64n + 5n), env.id_u64(-1n), env.id_u64(2n ** 64n + 7n)];
check("JS call: 64-bit bigints wrap modulo 2^64, as from wasm", same(big, [5n, U64_MAX, 7n]), big);
throws("JS call: a number for an i64 throws a TypeError, as from wasm", () => env.id_i64(7), (e) => e instanceof TypeError);
check("JS call: arguments converted as from wasm", conv[0] === 7 && conv[1] === 0 && conv[2] === 5 && conv[3] === U32_MAX
  && Number.isNaN(conv[4]) && same(conv[5], [3, 1]), conv);
check("JS call: -0.0 and NaN", Object.is(env.id_f64(-0), -0) && Number.isNaN(env.id_f32(NaN)));
check("JS call: @noctx in a quoted module", host.imports["math-lib"].hypot(5, 12) === 13);

// A second host: explicit path with extension, bound to a Memory directly, no userData.
const libFile = new URL("libconformance.so", dirUrl);
const host2 = mod.load(isDeno ? libFile : libFile.pathname);
const mem2 = new WebAssembly.Memory({ initial: 2 });
host2.bind(mem2);
check("bind(Memory): memory_size", host2.imports.env.mem_size() === 2n * 65536n);
check("no userData → NULL", host2.imports.env.user_data() === 0n);
throws("bind() of an instance without a memory", () => host2.bind(new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])))),
  (e) => e instanceof TypeError && /memory/.test(e.message));
// A guest that exports its memory under another name (twice): bind(instance) finds it.
const renamed = new WebAssembly.Instance(new WebAssembly.Module(await wasmFile("renamed_memory.wasm") as any));
// A Host serves one guest memory: another needs { replace: true } (the one it served is done).
throws("bind() of a second memory without replace", () => host2.bind(renamed), (e) => /already serves another guest memory/.test(e.message));
host2.bind(renamed, { replace: true });
check("bind(instance) finds a memory exported as \"O\" (and again as \"mem\")", host2.imports.env.mem_sum(32, 2) === 11, host2.imports.env.mem_sum(32, 2));
// A guest that imports its memory, bound before it is instantiated: its start function sees the memory.
const imported = new WebAssembly.Memory({ initial: 1 });
host2.bind(imported, { replace: true });
const started = new WebAssembly.Instance(new WebAssembly.Module(await wasmFile("start_guest.wasm") as any), {
  env: { ...host2.imports.env, memory: imported },
});
check("bind(memory) before instantiation: the start function's native call sees the data", started.exports.seen() === 6, started.exports.seen());
// The same guest without a bound memory: the start function's call traps, so instantiation fails.
const host4 = mod.load({ path: new URL("libconformance", dirUrl) });
throws("an unbound start-function call traps during instantiation", () => new WebAssembly.Instance(
  new WebAssembly.Module(guestBytesOf.start as any),
  { env: { ...host4.imports.env, memory: new WebAssembly.Memory({ initial: 1 }) } },
), (e) => e.name === "HostTrap" && e.code === -32768 && e.message.startsWith("env.mem_sum reached for guest memory before host.bind()"));
host4.close();
// JS functions in the same import module as native ones, and an Emscripten-style
// `instantiateWasm(imports, receive)` hook (Emscripten's loader calls it with its own imports).
const jsAndNative = await new Promise<any>((resolve) => {
  const instantiateWasm = (imports: any, receive: (instance: WebAssembly.Instance) => void) => {
    const merged = { ...imports, env: { ...imports.env, ...host2.imports.env } };
    WebAssembly.instantiate(guestBytesOf.start, merged).then(({ instance }) => receive(instance));
    return {};
  };
  const memory = new WebAssembly.Memory({ initial: 1 });
  host2.bind(memory, { replace: true });
  instantiateWasm({ env: { memory, js_only: () => 0 } }, resolve);
});
check("host.imports merged into another loader's imports (instantiateWasm)", jsAndNative.exports.seen() === 6, jsAndNative.exports.seen());
host2[Symbol.dispose]();
throws("a disposed host's import throws", () => host2.imports.env.nop(), (e) => /closed/.test(e.message));

// An unbound host: native code sees NULL/0 and bounds checks fail cleanly.
const host3 = mod.load({ path: new URL("libconformance", dirUrl) });
check("unbound: memory_size is 0", host3.imports.env.mem_size() === 0n);
// hostbind_guest_ptr() traps first, naming the import; mem_sum's own "out of bounds" trap after it does not replace it.
throws("unbound: reaching for guest memory is a trap that names the import and says to bind", () => host3.imports.env.mem_sum(0, 1),
  (e) => e.code === -32768 && e.message.startsWith("env.mem_sum reached for guest memory before host.bind(): call host.bind(instance)"));
// Bound to an empty memory (0 pages): every call re-checks it, so a grow is seen at once.
const empty = new WebAssembly.Memory({ initial: 0 });
host3.bind(empty);
check("bound to an empty memory: memory_size is 0", host3.imports.env.mem_size() === 0n);
throws("bound to an empty memory: guest pointer is out of bounds", () => host3.imports.env.mem_sum(0, 1), (e) => e.code === 1);
empty.grow(1);
new Uint8Array(empty.buffer).set([7, 8, 9], 100);
check("the empty memory grown: memory_size is one page", host3.imports.env.mem_size() === 65536n);
check("the empty memory grown: its bytes are reachable", host3.imports.env.mem_sum(100, 3) === 24);
host3.close();

// Memories whose buffer never detaches when they grow: shared (also grown by another thread) and resizable.
const host5 = mod.load({ path: new URL("libconformance", dirUrl) });
const shared = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
host5.bind(shared);
shared.grow(1);
new Uint8Array(shared.buffer).set([1, 2, 3], 65536 + 10);
check("shared memory grown: memory_size and the new page", host5.imports.env.mem_size() === 2n * 65536n && host5.imports.env.mem_sum(65536 + 10, 3) === 6,
  [host5.imports.env.mem_size()]);
if (runtime === "node") {
  // Node has no web Worker: the same script in a worker_threads Worker.
  const { Worker: NodeWorker } = await import("node:worker_threads");
  const worker = new NodeWorker(new URL("grow_worker.ts", import.meta.url));
  await new Promise<void>((resolve) => {
    worker.on("message", () => resolve());
    worker.postMessage(shared);
  });
  await worker.terminate();
} else {
  const worker = new Worker(new URL("grow_worker.ts", import.meta.url).href, { type: "module" });
  await new Promise<void>((resolve) => {
    worker.onmessage = () => resolve();
    worker.postMessage(shared);
  });
  worker.terminate();
}
check("shared memory grown by another thread: memory_size and the new page", host5.imports.env.mem_size() === 3n * 65536n && host5.imports.env.mem_sum(2 * 65536 + 10, 3) === 15,
  [host5.imports.env.mem_size()]);
const resizable = new WebAssembly.Memory({ initial: 1, maximum: 4 });
const rab = (resizable as any).toResizableBuffer();
host5.bind(resizable, { replace: true });
resizable.grow(2);
new Uint8Array(rab).set([9, 9], 2 * 65536);
check("resizable buffer grown: memory_size and the new pages", host5.imports.env.mem_size() === 3n * 65536n && host5.imports.env.mem_sum(2 * 65536, 2) === 18,
  [host5.imports.env.mem_size()]);
// Made resizable after bind(): its fixed buffer detaches (the per-call check sees it), then its size is read at every call.
const later = new WebAssembly.Memory({ initial: 1, maximum: 4 });
host5.bind(later, { replace: true });
check("an ordinary memory: memory_size", host5.imports.env.mem_size() === 65536n);
const laterRab = (later as any).toResizableBuffer();
later.grow(1);
new Uint8Array(laterRab).set([4, 5], 65536 + 3);
check("made resizable after bind(), then grown: memory_size and the new page", host5.imports.env.mem_size() === 2n * 65536n && host5.imports.env.mem_sum(65536 + 3, 2) === 9,
  [host5.imports.env.mem_size()]);
if (runtime !== "bun") {
  // A shared memory64 memory (Deno and Node run memory64, Bun does not): its size read by the 64-bit sizer.
  const wideShared = new WebAssembly.Memory({ initial: 1n, maximum: 8n, shared: true, address: "i64" } as any);
  host5.bind(wideShared, { replace: true });
  check("shared memory64: memory_size", host5.imports.env.mem_size() === 65536n, [host5.imports.env.mem_size()]);
  (wideShared as any).grow(2n);
  new Uint8Array(wideShared.buffer).set([6, 7], 2 * 65536 + 1);
  check("shared memory64 grown: memory_size and the new pages", host5.imports.env.mem_size() === 3n * 65536n && host5.imports.env.mem_sum(2 * 65536 + 1, 2) === 13,
    [host5.imports.env.mem_size()]);
}
host5.bind(new WebAssembly.Memory({ initial: 1 }), { replace: true });
check("rebound to an ordinary memory: detaching growth is tracked again", host5.imports.env.mem_size() === 65536n);
host5.close();

const odd: any = await import(new URL(`oddlib.${runtime}.ts`, dirUrl).href);
const hostOdd = odd.load();
check("--lib with #, ?, % and a space in its path opens that file", hostOdd.imports.env.user_data() === 0n && hostOdd.imports.env.id_i32(7) === 7);
hostOdd.close();

throws("load() without --lib and without a path", () => nolib.load(), (e) => /needs the path/.test(e.message));

// close(): every kind of import throws afterwards, close() is idempotent, bind() refuses.
host.close();
throws("after close: 0-result import", () => g.nop(), (e) => /closed/.test(e.message));
throws("after close: @noctx import", () => g.add(1, 2), (e) => /closed/.test(e.message));
throws("after close: 2-result import", () => g.quotient(1, 1), (e) => /closed/.test(e.message));
throws("after close: JS call", () => host.imports.env.id_i32(1), (e) => /closed/.test(e.message));
host.close();
check("close() twice is harmless", true);
throws("bind() after close", () => host.bind(instance), (e) => /closed/.test(e.message));

// Several Hosts of one library, used alternately: each has its own context
// (user_data, guest memory, traps) while all share one open library, which
// stays open after its last Host closes (a later load() gets the same FFI
// functions). Every earlier Host is closed by now, yet the library is the one
// they used: its static nop counter goes on from theirs.
const pointer = (bits: bigint): unknown => (isDeno ? Deno.UnsafePointer.create(bits) : isBun ? Number(bits) : bits);
async function guestOf(h: any): Promise<any> {
  const { instance } = await WebAssembly.instantiate(guestBytes as BufferSource, h.imports as WebAssembly.Imports);
  h.bind(instance);
  return instance.exports;
}
const hostA = mod.load({ userData: pointer(0xaaaan) });
const hostB = mod.load({ path: isDeno ? libFile : libFile.pathname, userData: pointer(0xbbbbn) });
const gA = await guestOf(hostA);
const gB = await guestOf(hostB);
const nopsBefore = hostB.imports.env.nop_count();
check("load() after every Host closed: the library stayed open (its counter goes on)",
  gA.mem_size() === 65536n && nopsBefore > 0 && hostA.imports.env.nop_count() === nopsBefore);
new Uint8Array(gA.memory.buffer).set([1, 2, 3], 1000);
gB.memory.grow(1);
new Uint8Array(gB.memory.buffer).set([10, 20, 30], 1000);
check("two Hosts, alternately: each its own user_data",
  gA.user_data() === 0xaaaan && gB.user_data() === 0xbbbbn && gA.user_data() === 0xaaaan && gB.user_data() === 0xbbbbn);
check("two Hosts, alternately: each its own guest memory",
  gA.mem_sum(1000, 3) === 6 && gB.mem_sum(1000, 3) === 60 && gA.mem_size() === 65536n && gB.mem_size() === 131072n);
throws("two Hosts: a trap in one", () => gA.quotient(1, 0), (e) => e instanceof mod.HostTrap && e.code === 7);
check("two Hosts: the other has no trap pending, and the first is clean again", gB.quotient(9, 2) === 4 && gA.quotient(8, 2) === 4);
check("two Hosts, alternately: every value type and 100k stub calls",
  gA.run() === 0 && gB.run() === 0 && gA.stress(50000) === 0 && gB.stress(50000) === 0);
check("two Hosts see one native library (one nop counter)",
  hostA.imports.env.nop_count() === nopsBefore + 6 && hostB.imports.env.nop_count() === nopsBefore + 6);
hostA.close();
check("one Host closed: the other still works", gB.run() === 0 && gB.user_data() === 0xbbbbn && gB.mem_sum(1000, 3) === 60);
throws("one Host closed, its library still open: its import throws", () => gA.nop(), (e) => /closed/.test(e.message));
throws("… its @noctx import throws", () => gA.add(1, 2), (e) => /closed/.test(e.message));
throws("… its 2-result import throws", () => gA.quotient(1, 1), (e) => /closed/.test(e.message));
const hostC = mod.load({ userData: pointer(0xccccn) });
const gC = await guestOf(hostC);
check("a Host loaded while another is open: its own context, the same native library",
  gC.user_data() === 0xccccn && gC.run() === 0 && hostC.imports.env.nop_count() === nopsBefore + 12);
hostB.close();
hostC.close();
const hostD = mod.load({ userData: pointer(0xddddn) });
const gD = await guestOf(hostD);
check("load() after every Host closed again: the same library, still open",
  hostD.imports.env.nop_count() === nopsBefore + 12 && gD.run() === 0 && gD.user_data() === 0xddddn);
hostD.close();
throws("after the last close: import throws", () => gD.nop(), (e) => /closed/.test(e.message));

// Two threads calling one library at once, each through its own Host: the shims' Host pointer is per thread.
// The Worker says "ready" once its Host is selected, then calls a million times; this thread calls in
// chunks, yielding to receive messages, from "ready" until the Worker's answer.
{
  const job = { dir: dirUrl.href, userData: 0x2222n, calls: 1_000_000 };
  const hostM = mod.load({ userData: pointer(0x1111n) });
  const gM = await guestOf(hostM);
  const inbox: unknown[] = [];
  let stop: () => unknown;
  if (runtime === "node") {
    const { Worker: NodeWorker } = await import("node:worker_threads");
    const worker = new NodeWorker(new URL("host_worker.ts", import.meta.url));
    worker.on("message", (m) => inbox.push(m));
    worker.postMessage(job);
    stop = () => worker.terminate();
  } else {
    const worker = new Worker(new URL("host_worker.ts", import.meta.url).href, { type: "module" });
    worker.onmessage = (e: MessageEvent) => inbox.push(e.data);
    worker.postMessage(job);
    stop = () => worker.terminate();
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const deadline = Date.now() + 60_000;
  while (inbox.length === 0 && Date.now() < deadline) await tick();
  let wrong = 0;
  let calls = 0;
  while (inbox.length < 2 && Date.now() < deadline) {
    for (let i = 0; i < 5000; i++) {
      // id_i64 takes the memory call path everywhere: its argument and result travel through this Host's block.
      const v = BigInt(calls + i);
      if (hostM.imports.env.id_i64(v) !== v || (i % 64 === 0 && gM.user_data() !== 0x1111n)) wrong++;
    }
    calls += 5000;
    await tick();
  }
  await stop();
  hostM.close();
  const theirs = inbox[1];
  check("a Worker's Host and this thread's, used at the same time: each sees its own context",
    inbox[0] === "ready" && theirs === 0 && wrong === 0 && calls > 0, [inbox, wrong, calls]);
}

console.log(`${runtime}: ${failures === 0 ? "all checks passed" : `${failures} checks failed`}`);
if (isDeno) Deno.exit(failures === 0 ? 0 : 1);
else process.exit(failures === 0 ? 0 : 1);
