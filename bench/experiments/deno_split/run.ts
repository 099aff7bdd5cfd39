/**
 * Issue 22 item 3, an experiment: two other ways Deno could call the imports
 * it now calls through the memory path (every BigInt import of the bench),
 * timed beside the generated bindings and the pure-JS floor in one process,
 * three processes in turn:
 *
 * - `split`: no BigInt and no argument block. Each i64 parameter crosses as
 *   two i32 halves (every i32 is a Smi in Deno's V8, which has no pointer
 *   compression: no allocation); a small native function joins them and
 *   calls the bench's function with the out-area as its out-pointer (no
 *   copy), as the out path does, nesting depth included.
 * - `based`: the memory path with the shim given the Host's stub memory as
 *   its one (pointer) argument, instead of finding it through the
 *   thread-local pointer: no `__tls_get_addr`, no selection check in JS.
 *
 * Usage (from the repository root, after `deno run -A bench/main.ts call`):
 *   deno run -A bench/experiments/deno_split/run.ts
 */
import { nsPerCall } from "../_time.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
const BUILD = `${ROOT}bench/build/`;
const HERE = new URL(".", import.meta.url).pathname;
const OUT = `${BUILD}deno_split/`;
const SHAPES = ["one_i64", "three_i64", "two_mixed", "four_mixed"] as const;

async function run(cmd: string, args: string[]): Promise<string> {
  const r = await new Deno.Command(cmd, { args, stderr: "piped", stdout: "piped" }).output();
  if (!r.success) throw new Error(`${cmd} failed:\n${new TextDecoder().decode(r.stderr)}`);
  return new TextDecoder().decode(r.stdout);
}

function splitHost(lib: string) {
  const { symbols } = Deno.dlopen(lib, {
    split_one_i64: { parameters: ["pointer", "pointer", "i32", "i32"], result: "void" },
    split_three_i64: { parameters: ["pointer", "pointer", "i32", "i32", "i32", "i32", "i32", "i32"], result: "void" },
    split_two_mixed: { parameters: ["pointer", "pointer", "i32", "i32", "f64"], result: "void" },
    split_four_mixed: { parameters: ["pointer", "pointer", "i32", "i32", "i32", "f32", "f64"], result: "void" },
    based_one_i64: { parameters: ["pointer"], result: "void" },
    based_three_i64: { parameters: ["pointer"], result: "void" },
    based_two_mixed: { parameters: ["pointer"], result: "void" },
    based_four_mixed: { parameters: ["pointer"], result: "void" },
  });
  const memory = new WebAssembly.Memory({ initial: 1 });
  const ctx = Deno.UnsafePointer.of(new Uint8Array(memory.buffer))!;
  const words = new Int32Array(memory.buffer);
  let heap: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  let guest: WebAssembly.Memory | undefined;
  const sync = () => {
    if (guest === undefined) throw new Error("unbound");
    heap = new Uint8Array(guest.buffer);
  };
  const nested = (offset: number, d: number) => Deno.UnsafePointer.offset(ctx, offset + d * 512);
  const out1 = Deno.UnsafePointer.offset(ctx, 256), out3 = Deno.UnsafePointer.offset(ctx, 272);
  const out2m = Deno.UnsafePointer.offset(ctx, 288), out4m = Deno.UnsafePointer.offset(ctx, 304);
  const f1 = symbols.split_one_i64, f3 = symbols.split_three_i64, f2m = symbols.split_two_mixed, f4m = symbols.split_four_mixed;
  const stub = new WebAssembly.Instance(new WebAssembly.Module(Deno.readFileSync(`${OUT}stub.wasm`)), {
    hostbind: {
      memory,
      one_i64: (d: number, lo: number, hi: number): void => {
        if (heap.length === 0) sync();
        f1(d === 0 ? out1 : nested(256, d), ctx, lo, hi);
        if (words[7] !== 0) throw new Error("trap");
      },
      three_i64: (d: number, a: number, b: number, c: number, e: number, f: number, g: number): void => {
        if (heap.length === 0) sync();
        f3(d === 0 ? out3 : nested(272, d), ctx, a, b, c, e, f, g);
        if (words[7] !== 0) throw new Error("trap");
      },
      two_mixed: (d: number, lo: number, hi: number, b: number): void => {
        if (heap.length === 0) sync();
        f2m(d === 0 ? out2m : nested(288, d), ctx, lo, hi, b);
        if (words[7] !== 0) throw new Error("trap");
      },
      four_mixed: (d: number, a: number, lo: number, hi: number, c: number, e: number): void => {
        if (heap.length === 0) sync();
        f4m(d === 0 ? out4m : nested(304, d), ctx, a, lo, hi, c, e);
        if (words[7] !== 0) throw new Error("trap");
      },
    },
  }).exports;
  const b1 = symbols.based_one_i64, b3 = symbols.based_three_i64, b2m = symbols.based_two_mixed, b4m = symbols.based_four_mixed;
  const based = new WebAssembly.Instance(new WebAssembly.Module(Deno.readFileSync(`${OUT}based.wasm`)), {
    hostbind: {
      memory,
      one_i64: (): void => {
        if (heap.length === 0) sync();
        b1(ctx);
        if (words[7] !== 0) throw new Error("trap");
      },
      three_i64: (): void => {
        if (heap.length === 0) sync();
        b3(ctx);
        if (words[7] !== 0) throw new Error("trap");
      },
      two_mixed: (): void => {
        if (heap.length === 0) sync();
        b2m(ctx);
        if (words[7] !== 0) throw new Error("trap");
      },
      four_mixed: (): void => {
        if (heap.length === 0) sync();
        b4m(ctx);
        if (words[7] !== 0) throw new Error("trap");
      },
    },
  }).exports;
  return {
    imports: { bench: stub },
    based: { bench: based },
    bind: (m: WebAssembly.Memory) => {
      guest = m;
      sync();
    },
  };
}

if (Deno.args[0] === "--measure") {
  const { load } = await import(`${BUILD}gen/bench.deno.ts`);
  const host = load(`${BUILD}libbench.so`);
  const split = splitHost(`${OUT}libsplit.so`);
  const instance = (shape: string, imports: WebAssembly.Imports) =>
    new WebAssembly.Instance(new WebAssembly.Module(Deno.readFileSync(`${OUT}guest_${shape}.wasm`)), imports).exports;
  const floor = nsPerCall(instance("one", { bench: { one: (a: number) => a } }).run as (n: number) => bigint);
  const row: Record<string, number> = { floor };
  for (const shape of SHAPES) {
    const g = instance(shape, host.imports);
    host.bind(g.memory, { replace: true });
    const s = instance(shape, split.imports);
    split.bind(s.memory as WebAssembly.Memory);
    // Same answers on both paths, then each timed.
    const p = instance(shape, split.based);
    const a = (g.run as (n: number) => bigint)(1000), b = (s.run as (n: number) => bigint)(1000);
    const c = (p.run as (n: number) => bigint)(1000);
    if (a !== b || a !== c) throw new Error(`${shape}: ${a} through the bindings, ${b} split, ${c} based`);
    row[`${shape} block`] = nsPerCall(g.run as (n: number) => bigint);
    row[`${shape} split`] = nsPerCall(s.run as (n: number) => bigint);
    row[`${shape} based`] = nsPerCall(p.run as (n: number) => bigint);
  }
  console.log(JSON.stringify(row));
} else {
  Deno.mkdirSync(OUT, { recursive: true });
  for (const shape of ["one", ...SHAPES]) await run(`${ROOT}node_modules/.bin/wat2wasm`, [`${BUILD}guest_${shape}.wat`, "-o", `${OUT}guest_${shape}.wasm`]);
  for (const stub of ["stub", "based"]) await run(`${ROOT}node_modules/.bin/wat2wasm`, [`${HERE}${stub}.wat`, "-o", `${OUT}${stub}.wasm`]);
  const flags = ["-O2", "-shared", "-fPIC", "-std=c11", "-Wall", "-Wextra", "-Werror", `-I${BUILD}gen`, `-I${ROOT}bench/native`, "-DHOSTBIND_IMPLEMENTATION"];
  await run("cc", [...flags, `${BUILD}bench_impl.c`, `${HERE}split.c`, "-o", `${OUT}libsplit.so`]);
  for (let round = 0; round < 3; round++) {
    const row = JSON.parse(await run(Deno.execPath(), ["run", "-A", new URL(import.meta.url).pathname, "--measure"]));
    const floor = row.floor as number;
    console.log(`floor ${floor.toFixed(2)}  ` + SHAPES.map((s) => `${s}: block ${(row[`${s} block`] / floor).toFixed(2)}× split ${(row[`${s} split`] / floor).toFixed(2)}× based ${(row[`${s} based`] / floor).toFixed(2)}×`).join("  "));
  }
}
