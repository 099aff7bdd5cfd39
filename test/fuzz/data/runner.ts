/**
 * The data fuzzer's runtime side, the same file under Deno, Bun and Node:
 * `runner.ts BINDINGS.ts LIBRARY.so GUEST.wasm SIGNATURES.json VECTORS`.
 * Each vector's data goes into guest memory (or, for a view meant to be
 * outside it, nowhere), the import is called through the call stub with its
 * canonical-ABI lowering, and what comes back — a value, the bytes at the
 * result's `(ptr, len)`, or a HostTrap's code and message — is compared with
 * `expect.ts`. Prints one JSON line: the number of calls and the first
 * failures.
 */
import { readFileSync } from "node:fs";
import { type Arg, dataArgs, type Expected, expected } from "./expect.ts";
import type { DataSignature } from "./signature.ts";

const [bindings, library, guestFile, sigsFile, vectorsText] = (globalThis as { Deno?: { args: string[] } }).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings!);
const sigs = JSON.parse(readFileSync(sigsFile!, "utf8")) as DataSignature[];
const vectors = Number(vectorsText);
using host = load(library);
const instance = await host.instantiate(readFileSync(guestFile!));
const e = instance.exports as { memory: WebAssembly.Memory; reset(): void; cabi_realloc(a: number, b: number, c: number, d: number): number };
const fz = host.imports.fz as Record<string, (...args: (number | bigint)[]) => number | bigint | void>;
const guestCalls = Object.fromEntries(sigs.filter((s) => s.async).map((s) => [s.name, (instance.exports as Record<string, (...args: (number | bigint)[]) => number | bigint | void>)[`call_${s.name}`]!]));

const failures: string[] = [];
let calls = 0;
// What the run covered: calls that had to trap, data results checked, the longest data argument.
let traps = 0;
let dataResults = 0;
let maxLength = 0;
// The same for async imports: calls, and data results handed over back on the JS thread.
let asyncCalls = 0;
let asyncTraps = 0;
let asyncDataResults = 0;

/** The wire arguments of `args`: values as wasm takes them, data as (ptr, len) written into guest memory. */
function place(args: readonly Arg[]): (number | bigint)[] {
  const wire: (number | bigint)[] = [];
  for (const a of args) {
    if (a.kind === "value") {
      const t = a.type;
      if (t === "i64" || t === "u64") wire.push(BigInt.asIntN(64, a.bits));
      else if (t === "f32") wire.push(new Float32Array(new Uint32Array([Number(a.bits)]).buffer)[0]!);
      else if (t === "f64") wire.push(new Float64Array(new BigUint64Array([a.bits]).buffer)[0]!);
      else wire.push(Number(a.bits) | 0);
      continue;
    }
    const len = a.bytes.length;
    if (a.outside) {
      const size = e.memory.buffer.byteLength;
      wire.push(len === 0 ? size + 1 : size - Math.floor(len / 2), len);
      continue;
    }
    const ptr = e.cabi_realloc(0, 0, 1, len);
    new Uint8Array(e.memory.buffer).set(a.bytes, ptr);
    wire.push(ptr, len);
  }
  return wire;
}

function hex(bytes: Uint8Array): string {
  const shown = [...bytes.subarray(0, 24)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return bytes.length > 24 ? `${shown}… (${bytes.length} bytes)` : `${shown} (${bytes.length} bytes)`;
}

/** The result's bits as the stub returns it to JS (signed i32/i64; floats' bits). */
function bitsOf(want: Expected & { kind: "value" }, got: unknown): bigint {
  if (want.type === "f32") return BigInt(new Uint32Array(new Float32Array([got as number]).buffer)[0]!);
  if (want.type === "f64") return new BigUint64Array(new Float64Array([got as number]).buffer)[0]!;
  if (want.type === "i64" || want.type === "u64") return BigInt.asUintN(64, got as bigint);
  return BigInt((got as number) >>> 0);
}

for (const sig of sigs) {
  for (let v = 0; v < vectors; v++) {
    e.reset();
    const args = dataArgs(sig.params, sig.valueSeed, v);
    const want = expected(sig.params, sig.result, args);
    const wire = place(args);
    for (const a of args) if (a.kind === "data") maxLength = Math.max(maxLength, a.bytes.length);
    if (want.kind === "trap") traps++;
    if (want.kind === "data") dataResults++;
    if (sig.async) {
      asyncCalls++;
      if (want.kind === "trap") asyncTraps++;
      if (want.kind === "data") asyncDataResults++;
    }
    const data = sig.result === "string" || sig.result === "bytes";
    const retptr = data ? e.cabi_realloc(0, 0, 4, 8) : 0;
    if (data) wire.push(retptr);
    const where = `${sig.name}(${sig.params.join(", ")}) -> ${sig.result ?? "void"}, vector ${v}`;
    calls++;
    let got: unknown;
    try {
      // An async import is the guest's to call: through its export call_NAME, under promising().
      got = sig.async ? await host.promising(guestCalls[sig.name]!)(...wire) : fz[sig.name]!(...wire);
    } catch (error) {
      const t = error as { name?: string; code?: number; message?: string };
      if (want.kind !== "trap") failures.push(`${where}: unexpected ${t.name} ${t.code}: ${t.message}`);
      else if (t.code !== want.code || !String(t.message).includes(`parameter ${want.param} `)) {
        failures.push(`${where}: expected trap ${want.code} on ${want.param}, got ${t.name} ${t.code}: ${t.message}`);
      }
      continue;
    }
    if (want.kind === "trap") {
      failures.push(`${where}: expected trap ${want.code} on ${want.param}, but it returned`);
    } else if (want.kind === "value") {
      const bits = bitsOf(want, got);
      if (bits !== want.bits) failures.push(`${where}: expected 0x${want.bits.toString(16)}, got 0x${bits.toString(16)}`);
    } else if (want.kind === "data") {
      const [ptr, len] = new Uint32Array(e.memory.buffer, retptr, 2);
      const bytes = new Uint8Array(e.memory.buffer, ptr!, len!);
      const same = bytes.length === want.bytes.length && bytes.every((b, i) => b === want.bytes[i]);
      if (!same) failures.push(`${where}: expected ${hex(want.bytes)}, got ${hex(bytes)}`);
    }
    if (failures.length >= 5) break;
  }
}
console.log(JSON.stringify({ calls, traps, dataResults, maxLength, asyncCalls, asyncTraps, asyncDataResults, failures }));
