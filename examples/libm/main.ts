/**
 * The libm example, unchanged under Deno, Bun and Node 26: the guest's imports are
 * served directly by the system's C math library, declared with `@symbol`
 * and `@noctx`; there is no native code of our own.
 *
 * Run: `deno task start` (builds the guest first), or `bun run main.ts` or `node --disable-warning=ExperimentalWarning main.ts` (Node 26) once built.
 * @module
 */
import { readFile } from "node:fs/promises";
import process from "node:process";

// One module for Deno, Bun and Node: it loads the runtime's own bindings (docs/generated-api.md).
import { load } from "./gen/libm.ts";

/** The guest's exports, as guest.wat defines them. */
interface Guest {
  distance(x1: number, y1: number, x2: number, y2: number): number;
  cube_side(volume: number): number;
  compound(principal: number, rate: number, years: number): number;
  distance_f32(x: number, y: number): number;
}

/**
 * Where the C math library lives: glibc's libm on Linux (by its soname, since
 * `libm.so` itself is only a linker script, installed with the dev headers);
 * part of libSystem on macOS; the Universal C Runtime on Windows.
 */
function libmPath(): string {
  switch (process.platform) {
    case "darwin":
      return "/usr/lib/libSystem.B.dylib";
    case "win32":
      return "ucrtbase.dll";
    default:
      return "libm.so.6";
  }
}

console.log(`runtime: ${navigator.userAgent}`);

// A path with an extension is opened as given; a bare file name goes through
// the system's library search, as dlopen() does.
using host = load(libmPath());
// A copy in a plain ArrayBuffer: what WebAssembly.instantiate() is typed to take.
const wasm = new Uint8Array(await readFile(new URL("./build/guest.wasm", import.meta.url)));
const { instance } = await WebAssembly.instantiate(wasm, host.imports);
// No bind(): the guest has no memory and no function here takes a context.
const guest = instance.exports as unknown as Guest;

// Math libraries differ in the last bit (glibc's cbrt(27) is 3.0000000000000004),
// so results are shown to 15 significant digits (7 for f32).
const f64 = (x: number) => Number(x.toPrecision(15));
const f32 = (x: number) => Number(x.toPrecision(7));

console.log(`distance((1, 2), (4, 6)) = ${f64(guest.distance(1, 2, 4, 6))}`);
console.log(`cube_side(27) = ${f64(guest.cube_side(27))}`);
console.log(`compound(1000, 0.05, 10) = ${f64(guest.compound(1000, 0.05, 10))}`);
const d = guest.distance_f32(0.1, 0.2);
console.log(`distance_f32(0.1, 0.2) = ${f32(d)} (a float32: ${d === Math.fround(d)})`);

// host.imports are ordinary functions too.
console.log(`host.imports.math.pow(2, 0.5) = ${f64(host.imports.math.pow(2, 0.5))}`);
