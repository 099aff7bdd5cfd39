/**
 * Runs the bounds checks through a real runtime: calls `bd.probe` before
 * `bind()` (NULL memory), then through the guest after `bind()` at the edges
 * of a one-page memory, then again after the guest grew its memory. Prints
 * one JSON line `{ checks: [{ phase, offset, len, got, want, marker }] }`.
 *
 * @example
 * ```sh
 * deno run -A test/fuzz/bounds/runner.ts DIR/bd.deno.ts DIR/bd.wasm DIR/libbd.so
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

interface Host {
  imports: { bd: { probe(o: number, l: number): bigint; size(): bigint } };
  bind(t: WebAssembly.Instance): void;
  close(): void;
}

const [binding, wasm, lib] = process.argv.slice(2);
const mod = (await import(pathToFileURL(binding!).href)) as { load(p: string): Host };
const host = mod.load(lib!);

const EDGES: [number, number][] = [
  [0, 0], [0, 1], [0, 65536], [0, 65537], [1, 65536], [65535, 1], [65535, 2], [65536, 0], [65536, 1],
  [65537, 0], [0xffffffff, 1], [1, 0xffffffff], [0xfffffff0, 0x1f], [0xffffffff, 0xffffffff],
  [0x80000000, 0x80000000], [131071, 1], [131072, 0], [131072, 1],
];
const checks: { phase: string; offset: number; len: number; got: string; want: string; marker: boolean }[] = [];

// Before bind(): no guest memory, so the native side sees NULL for every range, and
// hostbind_guest_ptr() traps: a HostTrap that names the import and says to bind.
for (const [offset, len] of EDGES.slice(0, 3)) {
  let got: string;
  try {
    got = `returned ${host.imports.bd.probe(offset, len)}`;
  } catch (e) {
    const named = e instanceof Error && /^bd\.probe reached for guest memory before host\.bind\(\): call host\.bind\(instance\)/.test(e.message);
    got = `trap ${(e as { code?: number }).code} ${named ? "naming bd.probe" : String(e)}`;
  }
  checks.push({ phase: "unbound", offset, len, got, want: "trap -32768 naming bd.probe", marker: true });
}

const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm!)), host.imports as unknown as WebAssembly.Imports);
host.bind(instance);
const memory = instance.exports.memory as WebAssembly.Memory;
const probe = instance.exports.probe as (o: number, l: number) => bigint;
const grow = instance.exports.grow as (pages: number) => number;

function sweep(phase: string): void {
  const size = memory.buffer.byteLength;
  for (const [offset, len] of EDGES) {
    const inBounds = offset + len <= size;
    const got = probe(offset, len);
    // An in-bounds, non-empty probe wrote 0xA5 to the range's last byte; check it landed there.
    const bytes = new Uint8Array(memory.buffer);
    const marker = !inBounds || len === 0 || bytes[offset + len - 1] === 0xa5;
    if (inBounds && len > 0) bytes[offset + len - 1] = 0;
    checks.push({ phase, offset, len, got: String(got), want: inBounds ? String(offset) : "-1", marker });
  }
  checks.push({ phase, offset: -1, len: -1, got: String(host.imports.bd.size()), want: String(size), marker: true });
}

sweep("one page");
grow(1);
sweep("after grow to two pages");
host.close();
console.log(JSON.stringify({ checks }));
