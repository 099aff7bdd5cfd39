/**
 * Misuse and edge cases of the generated bindings, inside Deno, Bun or Node
 * 26 (issue 19): prints one JSON line for test/runtime/misuse.test.ts.
 *
 * - `hosts COPY1 COPY2 LIB`: two module instances of one set of bindings
 *   (two copies of gen/), one Host each, calls interleaved.
 * - `stale BINDING LIB`: `load()` of a library built from other declarations.
 * - `resizable BINDING LIB`: bind, then `memory.toResizableBuffer()`, then grow.
 * - `nest BINDING LIB`: a native function that calls back into JS, which calls
 *   the same multi-result import again (once a call that traps, caught).
 * - `trap BINDING LIB`: a trap message cut inside a UTF-8 sequence.
 * - `args BINDING LIB`: `bind()` and `load()` given what they cannot take.
 * - `proto BINDING LIB GUEST`: import names that are Object.prototype members.
 * - `lifecycle BINDING LIB GUEST GUEST2`: the library's open and close
 *   functions, `host.instantiate()`, and a second memory bound to one Host.
 * - `intercept BINDING LIB GUEST GUEST2`: `host.intercept()` around loaders
 *   that instantiate by each of WebAssembly's three routes, one that
 *   instantiates only a module the Host does not serve, and one that throws.
 *
 * @example
 * ```sh
 * deno run -A test/runtime/misuse/probe.ts nest DIR/mx.ts DIR/libmx.so
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

// deno-lint-ignore no-explicit-any
type Any = any;

const [mode, binding, ...rest] = process.argv.slice(2);
const importBindings = (file: string): Promise<Any> => import(pathToFileURL(file).href);

/** An error's message, or the value returned. */
function attempt(f: () => unknown): { threw: boolean; name?: string; message?: string; value?: unknown } {
  try {
    const value = f();
    return { threw: false, value: typeof value === "bigint" ? String(value) : value };
  } catch (e) {
    const err = e as Error;
    return { threw: true, name: err?.name, message: err?.message ?? String(e) };
  }
}

/** The callback objects: kept alive, or the engine may free a callback native code still calls. */
const keep: unknown[] = [];

/** A native function pointer that calls `f(n)`, by the runtime's own mechanism. */
async function callback(lib: string, f: (n: number) => void): Promise<unknown> {
  const g = globalThis as Any;
  if (g.Deno !== undefined) {
    const cb = new g.Deno.UnsafeCallback({ parameters: ["i32"], result: "void" }, f);
    keep.push(cb);
    return cb.pointer;
  }
  if (g.Bun !== undefined) {
    const { JSCallback } = await import("bun:ffi" as string);
    const cb = new JSCallback(f, { args: ["i32"], returns: "void" });
    keep.push(cb);
    return cb.ptr;
  }
  const ffi: Any = await import("node:ffi" as string);
  const { lib: opened } = ffi.dlopen(lib, {});
  keep.push(opened);
  return opened.registerCallback({ arguments: ["i32"], return: "void" }, f);
}

/** `mx_hooks_count(which)` of the library: how many Hosts its open (0) and close (1) functions saw. */
async function counter(lib: string): Promise<(which: number) => number> {
  const g = globalThis as Any;
  if (g.Deno !== undefined) {
    const opened = g.Deno.dlopen(lib, { mx_hooks_count: { parameters: ["i32"], result: "i32" } });
    keep.push(opened);
    return (which) => opened.symbols.mx_hooks_count(which);
  }
  if (g.Bun !== undefined) {
    const { dlopen } = await import("bun:ffi" as string);
    const opened = dlopen(lib, { mx_hooks_count: { args: ["i32"], returns: "i32" } });
    keep.push(opened);
    return (which) => opened.symbols.mx_hooks_count(which);
  }
  const ffi: Any = await import("node:ffi" as string);
  const opened = ffi.dlopen(lib, { mx_hooks_count: { arguments: ["i32"], return: "i32" } });
  keep.push(opened);
  return (which) => opened.functions.mx_hooks_count(which);
}

let out: unknown;
if (mode === "hosts") {
  const [copy2, lib] = rest as [string, string];
  const one = await importBindings(binding!);
  const two = await importBindings(copy2);
  const a = one.load({ path: lib, userData: 1000n });
  const b = two.load({ path: lib, userData: 2000n });
  const who = (host: Any) => String(host.imports.mx.who(7n));
  const calls = [who(a), who(b), who(a), who(a), who(b)];
  a.close();
  const afterClose = [who(b), who(b)];
  out = { calls, afterClose };
} else if (mode === "stale") {
  const mod = await importBindings(binding!);
  out = attempt(() => mod.load(rest[0]));
} else if (mode === "resizable") {
  const mod = await importBindings(binding!);
  const host = mod.load(rest[0]);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
  host.bind(memory);
  const before = host.imports.mx.size();
  const supported = typeof (memory as Any).toResizableBuffer === "function";
  if (supported) (memory as Any).toResizableBuffer();
  memory.grow(1);
  const afterGrow = host.imports.mx.size();
  memory.grow(1);
  out = { supported, before, afterGrow, afterSecondGrow: host.imports.mx.size(), bytes: memory.buffer.byteLength };
} else if (mode === "nest") {
  const mod = await importBindings(binding!);
  const inner: unknown[] = [];
  let host: Any;
  let trapped: unknown;
  const pointer = await callback(rest[0]!, (n) => {
    // Inside nest(2): a nested call that writes its results and then traps, caught here.
    if (n === 1) trapped = attempt(() => host.imports.mx.nest(-1));
    inner.push(host.imports.mx.nest(n));
  });
  host = mod.load({ path: rest[0], userData: pointer });
  const outer = host.imports.mx.nest(3);
  out = { outer, inner, trapped, after: host.imports.mx.nest(0) };
} else if (mode === "trap") {
  const mod = await importBindings(binding!);
  const host = mod.load(rest[0]);
  out = attempt(() => host.imports.mx.long_trap(200));
} else if (mode === "args") {
  const mod = await importBindings(binding!);
  const host = mod.load(rest[0]);
  const bytes = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0);
  const instantiated = await WebAssembly.instantiate(bytes);
  out = {
    bindEmpty: attempt(() => host.bind({})),
    bindResult: attempt(() => host.bind(instantiated)),
    bindNumber: attempt(() => host.bind(42)),
    userDataString: attempt(() => mod.load({ path: rest[0], userData: "x" })),
    userDataFloat: attempt(() => mod.load({ path: rest[0], userData: 1.5 })),
    optionsNumber: attempt(() => mod.load(7)),
    pathNumber: attempt(() => mod.load({ path: 7 })),
  };
} else if (mode === "proto") {
  const mod = await importBindings(binding!);
  const host = mod.load(rest[0]);
  const imports = host.imports;
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const spread = { ...imports, other: {} };
  const { instance } = await WebAssembly.instantiate(readFileSync(rest[1]!), spread);
  const result = (instance.exports.run as (x: number) => unknown[])(5);
  out = {
    ownModule: own(imports, "__proto__"),
    ownImports: own(imports["__proto__"], "__proto__") && own(imports["__proto__"], "constructor"),
    prototypeKept: Object.getPrototypeOf(imports) === Object.prototype,
    spreadKept: own(spread, "__proto__"),
    result: result.map(String),
  };
} else if (mode === "lifecycle") {
  const mod = await importBindings(binding!);
  const [lib, guest, guest2] = rest as [string, string, string];
  const count = await counter(lib);
  const host = mod.load({ path: lib, userData: 40n });
  const who = String(host.imports.mx.who(2n));
  const afterOpen = [count(0), count(1)];
  host.close();
  const afterClose = [count(0), count(1)];
  const refused = attempt(() => mod.load({ path: lib, userData: 13n }));
  const afterRefused = [count(0), count(1)];
  const two = mod.load(lib);
  const instance = await two.instantiate(readFileSync(guest), { js: { seven: () => 7 } });
  const run = (instance.exports.run as () => number)();
  const rebind = attempt(() => two.bind(new WebAssembly.Memory({ initial: 1 })));
  const sameAgain = attempt(() => two.bind(instance));
  const three = mod.load(lib);
  const memory = new WebAssembly.Memory({ initial: 2 });
  const started = await three.instantiate(new WebAssembly.Module(readFileSync(guest2)), { env: { memory } });
  const seen = (started.exports.seen as WebAssembly.Global).value;
  two.close();
  three.close();
  out = { who, afterOpen, afterClose, refused, afterRefused, run, rebind, sameAgain, seen, closedAtEnd: count(1) };
} else if (mode === "intercept") {
  const mod = await importBindings(binding!);
  const [lib, guest, guest2] = rest as [string, string, string];
  const original = { instantiate: WebAssembly.instantiate, streaming: WebAssembly.instantiateStreaming, Instance: WebAssembly.Instance };
  // Bytes through WebAssembly.instantiate: { module, instance }, the js module the loader's own.
  const one = mod.load(lib);
  const loaded = await one.intercept(() => WebAssembly.instantiate(readFileSync(guest), { js: { seven: () => 7 } }));
  const run = (loaded.instance.exports.run as () => number)();
  one.close();
  // new WebAssembly.Instance, synchronous, of a guest importing its memory: bound before its start function.
  const two = mod.load(lib);
  const memory = new WebAssembly.Memory({ initial: 2 });
  const started = await two.intercept(() => new WebAssembly.Instance(new WebAssembly.Module(readFileSync(guest2)), { env: { memory } }));
  const seen = (started.exports.seen as WebAssembly.Global).value;
  const isInstance = started instanceof WebAssembly.Instance;
  two.close();
  // instantiateStreaming of a Response, and a module it does not serve (an empty one) left as it is.
  const three = mod.load(lib);
  const streamed = await three.intercept(async () => {
    const empty = await WebAssembly.instantiate(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    const response = new Response(readFileSync(guest), { headers: { "content-type": "application/wasm" } });
    const { instance } = await WebAssembly.instantiateStreaming(response, { js: { seven: () => 8 } });
    return { emptyExports: Object.keys(empty.instance.exports).length, run: (instance.exports.run as () => number)() };
  });
  three.close();
  // A loader that instantiates nothing this Host serves, and one that throws: WebAssembly is restored either way.
  const four = mod.load(lib);
  let nothing: unknown;
  try {
    await four.intercept(() => WebAssembly.instantiate(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])));
  } catch (e) {
    nothing = (e as Error).message;
  }
  let thrown: unknown;
  try {
    await four.intercept(() => {
      throw new Error("the loader failed");
    });
  } catch (e) {
    thrown = (e as Error).message;
  }
  four.close();
  const restored = WebAssembly.instantiate === original.instantiate && WebAssembly.instantiateStreaming === original.streaming
    && WebAssembly.Instance === original.Instance;
  out = { run, seen, isInstance, streamed, nothing, thrown, restored };
} else {
  throw new Error(`unknown mode ${mode}`);
}
console.log(JSON.stringify(out));
