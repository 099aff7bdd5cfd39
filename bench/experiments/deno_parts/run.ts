/**
 * Issue 22 item 3: where the time of Deno's four mixed results goes. The
 * bench's `(i32, i64, f32, f64) → [4 results]` import on the memory path,
 * through the generated bindings and through hand-made copies of its stub
 * and wrapper with one part left out at a time (the Host-selection check,
 * the guest-memory check, the trap check, all three, the stub's nesting
 * depth), same library, same shim; ns a call and × the pure-JS floor of the
 * same process, three processes.
 *
 * Usage (from the repository root, after `deno run -A bench/main.ts call`):
 *   deno run -A bench/experiments/deno_parts/run.ts
 */
import { nsPerCall } from "../_time.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
const BUILD = `${ROOT}bench/build/`;
const HERE = new URL(".", import.meta.url).pathname;
const OUT = `${BUILD}deno_parts/`;

async function run(cmd: string, args: string[]): Promise<string> {
  const r = await new Deno.Command(cmd, { args, stderr: "piped", stdout: "piped" }).output();
  if (!r.success) throw new Error(`${cmd} failed:\n${new TextDecoder().decode(r.stderr)}`);
  return new TextDecoder().decode(r.stdout);
}

if (Deno.args[0] === "--measure") {
  const wasm = (file: string) => new WebAssembly.Module(Deno.readFileSync(file));
  const guestModule = wasm(`${OUT}guest_four_mixed.wasm`);
  const guest = (f: unknown) => new WebAssembly.Instance(guestModule, { bench: { four_mixed: f as WebAssembly.ImportValue } }).exports.run as (n: number) => bigint;
  const floor = new WebAssembly.Instance(wasm(`${OUT}guest_one.wasm`), { bench: { one: (a: number) => a } }).exports.run as (n: number) => bigint;
  const { load } = await import(`${BUILD}gen/bench.deno.ts`);
  const host = load(`${BUILD}libbench.so`);
  const generated = guest(host.imports.bench.four_mixed);

  // The same library's shim, called from hand-made stubs and wrappers over a stub memory of their own.
  const { symbols } = Deno.dlopen(`${BUILD}libbench.so`, {
    hostbind_shim_bench_four_mixed: { parameters: [], result: "void" },
    hostbind_select_bench_void1: { parameters: ["pointer"], result: "void" },
  });
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const ctx = Deno.UnsafePointer.of(new Uint8Array(memory.buffer))!;
  const words = new Int32Array(memory.buffer);
  const native = symbols.hostbind_shim_bench_four_mixed;
  const selectShims = symbols.hostbind_select_bench_void1;
  const selection: { host: object | undefined } = { host: undefined };
  const self = {};
  const select = () => {
    selectShims(ctx);
    selection.host = self;
  };
  let heap = new Uint8Array(1);
  const sync = () => {
    heap = new Uint8Array(1);
  };
  const trap = () => new Error("trap");
  const stubModule = wasm(`${OUT}stub.wasm`);
  const stub = (full: () => void, plain: () => void) =>
    new WebAssembly.Instance(stubModule, { h: { memory, full, plain } }).exports as Record<string, unknown>;
  const full = stub(() => {
    if (heap.length === 0) sync();
    if (selection.host !== self) select();
    native();
    if (words[7] !== 0) throw trap();
  }, () => {
    if (heap.length === 0) sync();
    if (selection.host !== self) select();
    native();
    if (words[7] !== 0) throw trap();
  });
  const noSelect = stub(() => {
    if (heap.length === 0) sync();
    native();
    if (words[7] !== 0) throw trap();
  }, () => {});
  const noHeap = stub(() => {
    if (selection.host !== self) select();
    native();
    if (words[7] !== 0) throw trap();
  }, () => {});
  const noTrap = stub(() => {
    if (heap.length === 0) sync();
    if (selection.host !== self) select();
    native();
  }, () => {});
  const bare = stub(() => {
    native();
  }, () => {});
  const cases: Record<string, () => number> = {
    floor: () => nsPerCall(floor),
    generated: () => nsPerCall(generated),
    "hand-made, every check": () => nsPerCall(guest(full.nested)),
    "stub without the depth": () => nsPerCall(guest(full.plain)),
    "no Host-selection check": () => (select(), nsPerCall(guest(noSelect.nested))),
    "no guest-memory check": () => (select(), nsPerCall(guest(noHeap.nested))),
    "no trap check": () => (select(), nsPerCall(guest(noTrap.nested))),
    "no check at all": () => (select(), nsPerCall(guest(bare.nested))),
  };
  const row: Record<string, number> = {};
  for (const [name, time] of Object.entries(cases)) row[name] = time();
  console.log(JSON.stringify(row));
} else {
  Deno.mkdirSync(OUT, { recursive: true });
  for (const shape of ["one", "four_mixed"]) await run(`${ROOT}node_modules/.bin/wat2wasm`, [`${BUILD}guest_${shape}.wat`, "-o", `${OUT}guest_${shape}.wasm`]);
  await run(`${ROOT}node_modules/.bin/wat2wasm`, ["--enable-exceptions", `${HERE}stub.wat`, "-o", `${OUT}stub.wasm`]);
  for (let round = 0; round < 3; round++) {
    const row = JSON.parse(await run(Deno.execPath(), ["run", "-A", new URL(import.meta.url).pathname, "--measure"]));
    console.log(Object.entries(row).map(([k, v]) => `${k} ${(v as number).toFixed(2)} (${((v as number) / row.floor).toFixed(2)}×)`).join(" | "));
  }
}
