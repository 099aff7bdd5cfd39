/**
 * Test helper: turns WebAssembly text into a binary with the real `wat2wasm`
 * from wabt (node_modules/.bin), so fixtures are written readably in tests.
 *
 * @example
 * ```ts
 * import { wat } from "../../../test/_wat.ts";
 * const bytes = wat(`(module (import "env" "now" (func (result f64))))`);
 * ```
 * @module
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "./tmp.ts";

const WAT2WASM = join(ROOT, "node_modules/.bin/wat2wasm");

/** Compiles `text` (extra wat2wasm flags in `flags`) and returns the module bytes. */
export function wat(text: string, flags: string[] = []): Uint8Array {
  const dir = tempDir("wat");
  try {
    writeFileSync(join(dir, "m.wat"), text);
    execFileSync(WAT2WASM, [...flags, "m.wat", "-o", "m.wasm"], { cwd: dir, stdio: "pipe" });
    return new Uint8Array(readFileSync(join(dir, "m.wasm")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
