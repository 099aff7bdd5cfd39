/**
 * Finding 10's second question: how much of Deno's mixed-shape cases is the
 * native functions' own work? The bench's native functions add their
 * arguments as int64 and convert the sum back to each result type, which for
 * `(i64, f64) → [i64, f64]` and `(i32, i64, f32, f64) → [4 results]` means
 * float ⇄ integer conversions; the pure-JS floor returns its argument. This
 * builds a copy of `bench/build/bench_impl.c` whose two mixed functions
 * return their arguments instead and times the two mixed cases (and two
 * integer ones) with each library through the generated Deno bindings, one
 * process per library (one `load()` per process, as the bench does), three
 * processes each in turn; ns a call and × the pure-JS floor of the same process.
 *
 * Usage (from the repository root, after `deno run -A bench/main.ts call`):
 *   deno run -A bench/experiments/mixed_native/run.ts
 */
import { nsPerCall } from "../_time.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
const BUILD = `${ROOT}bench/build/`;
const OUT = `${BUILD}mixed_native/`;
const SHAPES = ["one", "three_i64", "two_mixed", "four_mixed"];

/** Runs a command, throwing with its stderr when it fails. */
async function run(cmd: string, args: string[]): Promise<string> {
  const r = await new Deno.Command(cmd, { args, stderr: "piped", stdout: "piped" }).output();
  if (!r.success) throw new Error(`${cmd} failed:\n${new TextDecoder().decode(r.stderr)}`);
  return new TextDecoder().decode(r.stdout);
}

if (Deno.args[0] === "--measure") {
  // One process, one library: each shape's guest through the generated bindings, beside the floor.
  const { load } = await import(`${BUILD}gen/bench.deno.ts`);
  const host = load(Deno.args[1]!);
  const guest = (shape: string, imports: WebAssembly.Imports) =>
    new WebAssembly.Instance(new WebAssembly.Module(Deno.readFileSync(`${OUT}guest_${shape}.wasm`)), imports).exports.run as (n: number) => bigint;
  const floor = nsPerCall(guest("one", { bench: { one: (a: number) => a } }));
  const ns = Object.fromEntries(SHAPES.map((s) => [s, nsPerCall(guest(s, host.imports))]));
  console.log(JSON.stringify({ floor, ns }));
} else {
  Deno.mkdirSync(OUT, { recursive: true });
  for (const shape of SHAPES) await run(`${ROOT}node_modules/.bin/wat2wasm`, [`${BUILD}guest_${shape}.wat`, "-o", `${OUT}guest_${shape}.wasm`]);
  // The bench's native side with the two mixed functions returning their arguments.
  let source = Deno.readTextFileSync(`${BUILD}bench_impl.c`);
  const identity: Record<string, string> = { two_mixed: "ab", four_mixed: "abcd" };
  for (const [name, args] of Object.entries(identity)) {
    source = source.replace(new RegExp(`(void bench_${name}\\([^)]*\\) \\{\\n  PROBE\\(\\d+\\);\\n)[^}]*\\}`), (_m, head: string) =>
      `${head}  (void)ctx;\n${[...args].map((a, k) => `  out->r${k} = ${a};\n`).join("")}}`);
  }
  Deno.writeTextFileSync(`${OUT}identity_impl.c`, source);
  const flags = ["-O2", "-shared", "-fPIC", "-std=c11", "-Wall", "-Wextra", "-Werror", `-I${BUILD}gen`, `-I${ROOT}bench/native`, "-DHOSTBIND_IMPLEMENTATION"];
  await run("cc", [...flags, `${OUT}identity_impl.c`, "-o", `${OUT}libidentity.so`]);
  const libraries = { "bench's native functions": `${BUILD}libbench.so`, "mixed ones returning their arguments": `${OUT}libidentity.so` };
  for (let round = 0; round < 3; round++) {
    for (const [label, lib] of Object.entries(libraries)) {
      const { floor, ns } = JSON.parse(await run(Deno.execPath(), ["run", "-A", new URL(import.meta.url).pathname, "--measure", lib]));
      console.log(`${label.padEnd(37)} floor ${floor.toFixed(2)}  ${SHAPES.map((s) => `${s} ${ns[s].toFixed(2)} (${(ns[s] / floor).toFixed(2)}×)`).join("  ")}`);
    }
  }
}
