/**
 * Runs one built fuzz batch inside Deno or Bun (whichever executes this
 * file): loads the generated binding, instantiates the guest with its
 * imports, binds the guest's memory, calls `run()` and prints the mismatch
 * record as one JSON line. Any throw or crash shows up as a nonzero exit.
 *
 * @example
 * ```sh
 * deno run -A test/fuzz/runner.ts DIR/fz.deno.ts DIR/guest.wasm DIR/libfz.so
 * bun test/fuzz/runner.ts DIR/fz.bun.ts DIR/guest.wasm DIR/libfz.so
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { STRICT_OFFSET } from "./wat_guest.ts";

/** What the runner prints: the guest's mismatch record (see `wat_guest.ts`). */
export interface RunnerReport {
  /** Number of mismatching checks (0 = pass). */
  fails: number;
  /** Import index of the first mismatch. */
  imp: number;
  /** Argument vector index of the first mismatch. */
  vec: number;
  /** Where: `0x100+k` result, `0x200+j` parameter seen natively, `0x300` tag. */
  where: number;
  /** Expected bits, hex. */
  expected: string;
  /** Got bits, hex. */
  got: string;
  /** NaNs that came back with another payload (allowed off the memory path). */
  nanDiffs: number;
  /** NaNs checked bit for bit (imports on the memory path). */
  nanStrict: number;
}

// The generated module's shape (docs/generated-api.md), only what the runner touches.
interface HostModule {
  load(path: string): {
    imports: WebAssembly.Imports;
    bind(t: WebAssembly.Instance): void;
    promising<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => Promise<Awaited<R>>;
    close(): void;
  };
}

async function main(): Promise<void> {
  const [binding, wasm, lib, strictFile] = process.argv.slice(2);
  if (!binding || !wasm || !lib) throw new Error("usage: runner.ts BINDING GUEST.wasm LIBRARY [STRICT.json]");
  const mod = (await import(pathToFileURL(binding).href)) as HostModule;
  const host = mod.load(lib);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm)), host.imports);
  host.bind(instance);
  // The imports this runtime calls through the memory path: their NaNs must keep their payload (wat_guest.ts).
  const strict = strictFile === undefined ? [] : JSON.parse(readFileSync(strictFile, "utf8")) as number[];
  new Uint8Array((instance.exports.memory as WebAssembly.Memory).buffer, STRICT_OFFSET, strict.length).set(strict);
  // Through promising(): the batch's async imports suspend the guest while their native functions run.
  await host.promising(instance.exports.run as () => number)();
  const view = new DataView((instance.exports.memory as WebAssembly.Memory).buffer);
  const report: RunnerReport = {
    fails: view.getInt32(0, true),
    imp: view.getInt32(4, true),
    vec: view.getInt32(8, true),
    where: view.getInt32(12, true),
    expected: view.getBigUint64(16, true).toString(16),
    got: view.getBigUint64(24, true).toString(16),
    nanDiffs: view.getInt32(32, true),
    nanStrict: view.getInt32(36, true),
  };
  host.close();
  console.log(JSON.stringify(report));
}

await main();
