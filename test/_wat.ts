/**
 * Test helper: turns WebAssembly text into a binary with the real `wat2wasm`
 * from wabt (node_modules/.bin), so fixtures are written readably in tests.
 *
 * @example
 * ```ts
 * import { wat } from "../../test/_wat.ts";
 * const bytes = wat(`(module (import "env" "now" (func (result f64))))`);
 * ```
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const WAT2WASM = resolve(import.meta.dirname, "../node_modules/.bin/wat2wasm");

/** Compiles `text` (extra wat2wasm flags in `flags`) and returns the module bytes. */
export function wat(text: string, flags: string[] = []): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "hostbind-wat-"));
  try {
    writeFileSync(join(dir, "m.wat"), text);
    execFileSync(WAT2WASM, [...flags, "m.wat", "-o", "m.wasm"], { cwd: dir, stdio: "pipe" });
    return new Uint8Array(readFileSync(join(dir, "m.wasm")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
