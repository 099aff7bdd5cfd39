/**
 * Measures the call paths the TS emitters choose between (README.md in
 * src/emit/ts records the numbers): the generated wrappers and stub against
 * a bare wrapper, the FFI symbol passed directly, a pure JS import, and a JS
 * wrapper returning an array. Run beside conformance bindings and library
 * built by the conformance test (or by hand), under each runtime:
 *
 * @example
 * ```sh
 * # DIR: a conformance test directory (.tmp/tests/conformance-*), which holds
 * # conformance.{deno,bun}.ts and libconformance.so; add the guest:
 * node_modules/.bin/wat2wasm test/runtime/measure.wat -o DIR/measure.wasm
 * deno run -A test/runtime/measure.ts DIR
 * deno run -A --v8-flags=--max-opt=2 test/runtime/measure.ts DIR   # no TurboFan: no fast API calls
 * bun test/runtime/measure.ts DIR
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
const mod: any = await import(new URL(`conformance.${runtime}.ts`, dir).href);
const ffi: any = isDeno ? undefined : await import("bun:ffi");
const bytes: Uint8Array = isDeno
  ? Deno.readFileSync(new URL("measure.wasm", dir))
  : new Uint8Array(await Bun.file(new URL("measure.wasm", dir)).arrayBuffer());
const N = 1_000_000;

const host = mod.load();
// A separate library handle and context for the hand-made variants.
const libPath = new URL("libconformance.so", dir);
const lib = isDeno ? Deno.dlopen(libPath, mod.symbols) : ffi.dlopen(libPath.pathname, mod.symbols);
const scratch = new WebAssembly.Memory({ initial: 1, maximum: 1 });
const ctx = isDeno ? Deno.UnsafePointer.of(new Uint8Array(scratch.buffer)) : ffi.ptr(new Uint8Array(scratch.buffer));
const out = isDeno ? Deno.UnsafePointer.offset(ctx, 256) : ctx + 256;
const view = new Int32Array(scratch.buffer);
const s = lib.symbols;
const sym = { id_i32: s.env_id_i32, add: s.math_lib_add, divmod: s.env_divmod };

function instance(env: object, math: object): any {
  const imports = { env: { ...host.imports.env, ...env }, "math-lib": { ...host.imports["math-lib"], ...math } };
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  host.bind(inst);
  return inst.exports;
}

function time(name: string, run: (n: number) => unknown): void {
  run(N);
  run(N);
  let best = Infinity;
  for (let r = 0; r < 9; r++) {
    const t = performance.now();
    run(N);
    best = Math.min(best, (performance.now() - t) * 1e6 / N);
  }
  console.log(`${runtime}\t${name}\t${best.toFixed(1)} ns/call`);
}

const generated = instance({}, {});
time("1 result (ctx): generated wrapper", generated.id_i32);
time("1 result (@noctx): generated wrapper", generated.add);
time("0 results: generated wrapper", generated.nop);
time("1 result i64: generated wrapper", generated.id_i64);
time("1 result u32: generated wrapper", generated.id_u32);
time("2 results: generated stub", generated.divmod);
time("6 results: generated stub", generated.spread);

const id = sym.id_i32;
const add = sym.add;
const divmod = sym.divmod;
const bare = instance({ id_i32: (x: number) => id(ctx, x) }, { add: (a: number, b: number) => add(a, b) });
time("1 result (ctx): bare wrapper, no checks", bare.id_i32);
time("1 result (@noctx): bare wrapper, no checks", bare.add);
time("1 result (@noctx): FFI symbol as the import", instance({}, { add }).add);
time("1 result: pure JS import (floor)", instance({ id_i32: (x: number) => x }, {}).id_i32);
const array = instance({
  divmod: (a: number, b: number) => {
    divmod(out, ctx, a, b);
    return [view[64], view[65]];
  },
}, {});
time("2 results: JS wrapper returning an array", array.divmod);
host.close();
