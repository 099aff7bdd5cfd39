/**
 * Cuts a real `.wasm` down to what hostbind reads of it — the preamble, the
 * type section and the import section — so the corpus can keep modules of
 * many megabytes as files of a few KiB, byte for byte what their producers
 * wrote in those sections. Usage (refreshing the corpus from npm packages):
 * `deno run -A test/corpus/strip.ts IN.wasm OUT.wasm`.
 *
 * @example
 * ```ts
 * import { stripToImports } from "./strip.ts";
 * stripToImports(Deno.readFileSync("guest.wasm")).length; // a few KiB
 * ```
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

/** Section ids kept: 1 type, 2 import. */
const KEEP = new Set([1, 2]);

/** An unsigned LEB128 at `at`: its value and its length in bytes. */
function leb(bytes: Uint8Array, at: number): { value: number; length: number } {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[at + i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return { value, length: i + 1 };
  }
  throw new Error(`bad LEB128 at ${at}`);
}

/** The module's preamble and its type and import sections, in their order, unchanged. */
export function stripToImports(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const { value: size, length } = leb(bytes, at + 1);
    const end = at + 1 + length + size;
    if (KEEP.has(id)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

if ((import.meta as { main?: boolean }).main) {
  const [input, output] = process.argv.slice(2);
  writeFileSync(output!, stripToImports(readFileSync(input!)));
}
