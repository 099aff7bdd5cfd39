/**
 * Measures what several Hosts of one library cost (src/emit/ts/README.md,
 * "Several Hosts"): Host A alone, A beside a second Host B, a Host C loaded
 * after B closed, a Host D loaded after every Host closed (the library is
 * opened again), and a Host E from a fresh instance of the generated module.
 * Each Host drives its own guest; ns per call of a 1-result, a `@noctx` and a
 * 2-result import, median of 5 runs. Run beside the conformance bindings,
 * like measure.ts:
 *
 * @example
 * ```sh
 * node_modules/.bin/wat2wasm test/runtime/measure.wat -o DIR/measure.wasm
 * deno run -A test/runtime/measure_hosts.ts DIR
 * bun test/runtime/measure_hosts.ts DIR
 * ```
 * @module
 */
// deno-lint-ignore-file no-explicit-any
declare const Deno: any;
declare const Bun: any;
declare const process: any;

const isDeno = typeof Deno !== "undefined";
const runtime = isDeno ? "deno" : "bun";
const args: string[] = isDeno ? Deno.args : process.argv.slice(2);
const dir = new URL(`file://${args[0]!.startsWith("/") ? "" : `${isDeno ? Deno.cwd() : process.cwd()}/`}${args[0]}/`);
const moduleUrl = new URL(`conformance.${runtime}.ts`, dir).href;
const mod: any = await import(moduleUrl);
const guest = new WebAssembly.Module(isDeno
  ? Deno.readFileSync(new URL("measure.wasm", dir))
  : new Uint8Array(await Bun.file(new URL("measure.wasm", dir)).arrayBuffer()));
const N = 2_000_000;

/** A guest served by `host`, bound to it. */
function guestOf(host: any): any {
  const instance = new WebAssembly.Instance(guest, host.imports);
  host.bind(instance);
  return instance.exports;
}

/** Median ns per call of `run(N)` after a warm-up. */
function time(run: (n: number) => unknown): string {
  for (let i = 0; i < 20; i++) run(100_000);
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    run(N);
    samples.push(((performance.now() - t) * 1e6) / N);
  }
  return samples.sort((a, b) => a - b)[2]!.toFixed(1);
}

function report(label: string, g: any): void {
  console.log(`${runtime}\t${label}\t1 result ${time(g.id_i32)}\t@noctx ${time(g.add)}\t2 results ${time(g.divmod)} ns/call`);
}

const a = mod.load();
const gA = guestOf(a);
report("A alone", gA);
const b = mod.load();
report("B beside A", guestOf(b));
report("A beside B", gA);
b.close();
const c = mod.load();
report("C (B closed, A open)", guestOf(c));
report("A beside C", gA);
a.close();
c.close();
const d = mod.load();
report("D (every Host closed before)", guestOf(d));
d.close();
const fresh: any = await import(`${moduleUrl}?instance=2`);
const e = fresh.load();
report("E (fresh module instance)", guestOf(e));
e.close();
