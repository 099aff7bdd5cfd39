/**
 * Runs the GC churn guest inside Deno or Bun: at least `CALLS` multi-result
 * import calls while `js.alloc` keeps allocating small typed arrays (which
 * Bun keeps in its moving GC heap) and occasionally forces a collection.
 * Prints `{ mismatches, calls, allocations }` as one JSON line.
 *
 * @example
 * ```sh
 * bun test/fuzz/churn/runner.ts DIR/churn.bun.ts DIR/churn.wasm DIR/libchurn.so 10000000
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

interface HostModule {
  load(path: string): { imports: WebAssembly.Imports; bind(t: WebAssembly.Instance): void; close(): void };
}

const [binding, wasm, lib, callsArg] = process.argv.slice(2);
if (!binding || !wasm || !lib) throw new Error("usage: runner.ts BINDING GUEST.wasm LIBRARY [CALLS]");
const target = Number(callsArg ?? 10_000_000);

// A ring of live small typed arrays: survivors get promoted and compacted, so
// anything that kept a raw pointer into one of them would see it move.
const ring: Uint8Array[] = new Array(4096);
let allocations = 0;
function alloc(i: number): void {
  for (let k = 0; k < 32; k++) {
    const a = new Uint8Array(8 + (((i + k * 37) % 900) + 900) % 900);
    a[0] = i & 0xff;
    ring[(allocations + k) % ring.length] = a;
  }
  allocations += 32;
  // deno-lint-ignore no-explicit-any
  const g = globalThis as any;
  if ((i & 0xfffff) === 0) g.Bun?.gc?.(true) ?? g.gc?.();
}

const mod = (await import(pathToFileURL(binding).href)) as HostModule;
const host = mod.load(lib);
const imports = { ...host.imports, js: { alloc } } as WebAssembly.Imports;
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm)), imports);
host.bind(instance);
const run = instance.exports.run as (from: number, n: number) => number;
const calls = instance.exports.calls as () => number;
let mismatches = 0;
// Chunks of iterations from a varying start so values cover negatives and large magnitudes too.
for (let from = -2_000_000; calls() < target; from += 1_000_000) mismatches = run(from, 1_000_000);
host.close();
console.log(JSON.stringify({ mismatches, calls: calls(), allocations }));
