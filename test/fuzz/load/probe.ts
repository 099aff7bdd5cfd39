/**
 * Probes a generated binding's failure behaviour inside Deno or Bun and
 * prints one JSON line, so the test can assert on messages (a crash shows
 * as a nonzero exit with no JSON).
 *
 * - `load BINDING LIB`: `{ threw, name, message }` from `load(LIB)`.
 * - `closed BINDING LIB GUEST`: calls every export of the guest before and
 *   after `close()`; `{ before, after, direct, bindAfter, closeTwice }`.
 *
 * @example
 * ```sh
 * deno run -A test/fuzz/load/probe.ts load DIR/le.deno.ts /no/such/lib.so
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

interface Host {
  imports: WebAssembly.Imports;
  bind(t: WebAssembly.Instance): void;
  close(): void;
}

/** The outcome of one attempted operation. */
interface Outcome {
  threw: boolean;
  name?: string;
  message?: string;
  value?: string;
}

function attempt(f: () => unknown): Outcome {
  try {
    return { threw: false, value: String(f()) };
  } catch (e) {
    const err = e as Error;
    return { threw: true, name: err?.name ?? typeof e, message: err?.message ?? String(e) };
  }
}

const [mode, binding, lib, guest] = process.argv.slice(2);
const mod = (await import(pathToFileURL(binding!).href)) as { load(p: string): Host };

if (mode === "load") {
  const o = attempt(() => mod.load(lib!));
  console.log(JSON.stringify(o));
} else if (mode === "closed") {
  const host = mod.load(lib!);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(guest!)), host.imports);
  host.bind(instance);
  const names = ["callZero", "callOne", "callTwo", "callThree"];
  const call = (n: string) => attempt(() => (instance.exports[n] as () => unknown)());
  const before = names.map(call);
  host.close();
  const after = names.map(call);
  const le = (host.imports as Record<string, Record<string, (...a: unknown[]) => unknown>>).le!;
  const direct = attempt(() => le.one!(1));
  const bindAfter = attempt(() => host.bind(instance));
  const closeTwice = attempt(() => host.close());
  console.log(JSON.stringify({ before, after, direct, bindAfter, closeTwice }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
