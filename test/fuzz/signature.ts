/**
 * Random import signatures for the differential fuzzer, and how they are
 * written down: as a hostbind declaration (the input under test) and as the
 * C prototype docs/abi.md §2 says they must have (for failure reports).
 *
 * @example
 * ```ts
 * import { Prng } from "./prng.ts";
 * import { randomSignature, declarationText } from "./signature.ts";
 * const sig = randomSignature(new Prng(1), "f0");
 * declarationText([sig]); // "export declare namespace fz { function f0(...): ...; }"
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";
import { VALUE_TYPES } from "../../src/ir/types.ts";
import type { Prng } from "./prng.ts";

/** The wasm import module every fuzzed import lives in. */
export const FUZZ_MODULE = "fz";

/** Most parameters a fuzzed signature has (inclusive). */
export const MAX_PARAMS = 8;

/** Most results a fuzzed signature has (inclusive). */
export const MAX_RESULTS = 6;

/** One fuzzed import: its types and the spelling choices the declaration uses. */
export interface FuzzSignature {
  /** The import field name (`f17`); the C symbol is `fz_f17`. */
  name: string;
  /** Parameter types; parameter `k` is named `p{k}`. */
  params: ValueType[];
  /** Result types. */
  results: ValueType[];
  /** Results written as a labelled tuple (`[r0: i32, r1: f64]`, fields `r0`…) instead of `[i32, f64]` (fields `f0`…). */
  labelled: boolean;
  /** A single result written as a one-element tuple `[T]` instead of `T`. */
  tupleSingle: boolean;
  /** Marked `@noctx`: the native function takes no context. */
  noctx: boolean;
  /** Seeds the random argument vectors (see `values.ts`), so they survive shrinking. */
  valueSeed: number;
  /** Declared `Promise<…>`: an async import, its native function run off the JS thread (never with `noctx`). */
  async: boolean;
}

/** Draws a random signature named `name`. */
export function randomSignature(rng: Prng, name: string): FuzzSignature {
  const np = rng.int(MAX_PARAMS + 1);
  const nr = rng.int(MAX_RESULTS + 1);
  const sig = {
    name,
    params: Array.from({ length: np }, () => rng.pick(VALUE_TYPES)),
    results: Array.from({ length: nr }, () => rng.pick(VALUE_TYPES)),
    labelled: rng.chance(0.3),
    tupleSingle: rng.chance(0.3),
    noctx: rng.chance(0.1),
    valueSeed: rng.next(),
  };
  // Drawn last, so the other fields of a seed are what they were before async imports existed.
  const async = rng.chance(0.15);
  return { ...sig, async: async && !sig.noctx };
}

/** The C symbol of a fuzzed import (docs/abi.md §4: `MODULE_NAME`). */
export function symbolOf(sig: FuzzSignature): string {
  return `${FUZZ_MODULE}_${sig.name}`;
}

/** The C field name of result `k` in the result struct. */
export function fieldName(sig: FuzzSignature, k: number): string {
  return sig.labelled ? `r${k}` : `f${k}`;
}

/** The result part of a declaration: `void`, `T`, `[T]`, `[T, U]` or `[r0: T, r1: U]`. */
function resultText(sig: FuzzSignature): string {
  const rs = sig.results;
  if (rs.length === 0) return "void";
  if (rs.length === 1 && !sig.tupleSingle && !sig.labelled) return rs[0]!;
  return `[${rs.map((t, k) => (sig.labelled ? `r${k}: ${t}` : t)).join(", ")}]`;
}

/** One `function` line of a declaration, with its JSDoc when `@noctx`. */
export function functionDeclaration(sig: FuzzSignature): string {
  const params = sig.params.map((t, k) => `p${k}: ${t}`).join(", ");
  const doc = sig.noctx ? "  /** @noctx */\n" : "";
  const result = sig.async ? `Promise<${resultText(sig)}>` : resultText(sig);
  return `${doc}  function ${sig.name}(${params}): ${result};`;
}

/** A whole declaration file declaring `sigs` in module `fz`. */
export function declarationText(sigs: readonly FuzzSignature[]): string {
  return [
    `import type { f32, f64, i32, i64, u32, u64 } from "hostbind/types";`,
    "",
    `/** Imports drawn by the hostbind fuzzer. */`,
    `export declare namespace ${FUZZ_MODULE} {`,
    ...sigs.map(functionDeclaration),
    "}",
    "",
  ].join("\n");
}

/** The C type of each value type (docs/abi.md). */
export const C_TYPES: Readonly<Record<ValueType, string>> = {
  i32: "int32_t", u32: "uint32_t", i64: "int64_t", u64: "uint64_t", f32: "float", f64: "double",
};

/** The native prototype docs/abi.md §2 prescribes for `sig`, as C text. */
export function cPrototype(sig: FuzzSignature): string {
  const sym = symbolOf(sig);
  const args: string[] = [];
  const multi = sig.results.length >= 2;
  if (multi) args.push(`${sym}_result *out`);
  if (!sig.noctx) args.push("hostbind_ctx *ctx");
  sig.params.forEach((t, k) => args.push(`${C_TYPES[t]} p${k}`));
  const ret = sig.results.length === 1 ? C_TYPES[sig.results[0]!] : "void";
  return `${ret} ${sym}(${args.length ? args.join(", ") : "void"});`;
}

/** A one-line summary such as `(i32, f64) -> (u64, f32)` for logs. */
export function describe(sig: FuzzSignature): string {
  return `(${sig.params.join(", ")}) -> ${sig.async ? "Promise " : ""}(${sig.results.join(", ")})${sig.noctx ? " @noctx" : ""}`;
}
