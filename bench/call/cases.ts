/**
 * The call-overhead cases as plain data, shared by the build step (which
 * writes the declaration file, the C implementation and the guests) and by
 * both runtime runners (which wire imports and check the results).
 *
 * Every case computes the same thing so results are checkable: the guest's
 * loop counter `i` gives `m = i & 0xFFFF`; every parameter receives `m`
 * (converted to its type); result `k` is `np * m + k` (np = number of
 * parameters); the guest converts every result to i64 and adds it up.
 * A void import adds `np * m` to a native sink instead.
 *
 * @example
 * ```ts
 * import { GENERATED_CASES } from "./cases.ts";
 * GENERATED_CASES.find((c) => c.id === "two")?.results; // ["i32", "i32"]
 * ```
 * @module
 */
import type { ValueType } from "../../src/ir/types.ts";

/** How the guest derives each argument from its loop counter. */
export type ArgMode =
  /** Every parameter gets `m = i & 0xFFFF`. */
  | "counter"
  /** One `u32` parameter: a guest-memory offset `(i & 0xFF) * 16` of a 16-byte window. */
  | "ptr16"
  /** Two: the offset `(i & 0xFF) * 16` of a 16-byte window and its length, 16 (a string's `(ptr, len)`). */
  | "win16"
  /** One: the return area at offset 16 where the host writes a data result's `(ptr, len)`; the guest adds up `len`. */
  | "ret64";

/** A wasm import signature as the guest sees it. */
export interface GuestShape {
  /** Parameter types in order. */
  params: readonly ValueType[];
  /** Result types in order (0, 1 or more: multi-value). */
  results: readonly ValueType[];
  /** How arguments are computed. */
  arg: ArgMode;
  /** The guest's memory is shared (its buffer never detaches: the binding re-reads its size at every call). */
  sharedMemory?: boolean;
}

/** One import hostbind generates bindings for, measured from its own guest. */
export interface GeneratedCase extends GuestShape {
  /** Stable id: the import name in module `bench`, the C function is `bench_<id>`. */
  id: string;
  /** What the row means, for the report. */
  label: string;
  /** Marked `@noctx` (no `hostbind_ctx *` parameter). */
  noctx: boolean;
  /**
   * The declared signature when it is not the guest's wasm one (`params`,
   * `results`): a `string`/`Uint8Array` case declares the data type, the guest
   * imports its canonical-ABI lowering.
   */
  declared?: { params: readonly string[]; result: string };
  /** The native body when it is not the formula: `guestcall` calls the guest's `ident` export. */
  native?: "guestcall";
}

/** The wasm import module every generated case lives in. */
export const GENERATED_MODULE = "bench";

/** Parameter names in declaration order (`a`, `b`, …). */
export const PARAM_NAMES = ["a", "b", "c", "d", "e", "f"] as const;

const counter = "counter" as const;

/**
 * The hostbind-generated cases. Ids are also the keys the targets use
 * (`one`, `two`, `four`, …), so rename with care.
 */
export const GENERATED_CASES: readonly GeneratedCase[] = [
  { id: "void1", label: "0 results (i32) → void", params: ["i32"], results: [], noctx: false, arg: counter },
  { id: "one", label: "1 result (i32) → i32", params: ["i32"], results: ["i32"], noctx: false, arg: counter },
  {
    id: "one_noctx",
    label: "1 result, noctx (i32) → i32",
    params: ["i32"],
    results: ["i32"],
    noctx: true,
    arg: counter,
  },
  {
    id: "two",
    label: "2 results (i32) → [i32, i32]",
    params: ["i32"],
    results: ["i32", "i32"],
    noctx: false,
    arg: counter,
  },
  {
    id: "two_noctx",
    label: "2 results, noctx (i32) → [i32, i32]",
    params: ["i32"],
    results: ["i32", "i32"],
    noctx: true,
    arg: counter,
  },
  {
    id: "four",
    label: "4 results (i32) → [i32 ×4]",
    params: ["i32"],
    results: ["i32", "i32", "i32", "i32"],
    noctx: false,
    arg: counter,
  },
  {
    id: "one_noctx_f64",
    label: "1 result, noctx (f64) → f64 (libm's shape)",
    params: ["f64"],
    results: ["f64"],
    noctx: true,
    arg: counter,
  },
  { id: "one_i64", label: "1 result (i64) → i64", params: ["i64"], results: ["i64"], noctx: false, arg: counter },
  { id: "one_f32", label: "1 result (f32) → f32", params: ["f32"], results: ["f32"], noctx: false, arg: counter },
  { id: "one_f64", label: "1 result (f64) → f64", params: ["f64"], results: ["f64"], noctx: false, arg: counter },
  { id: "i64_to_i32", label: "1 result (i64) → i32", params: ["i64"], results: ["i32"], noctx: false, arg: counter },
  {
    id: "three_i64",
    label: "2 results (i64, i64, i64) → [i64, i64]",
    params: ["i64", "i64", "i64"],
    results: ["i64", "i64"],
    noctx: false,
    arg: counter,
  },
  {
    id: "two_mixed",
    label: "2 results (i64, f64) → [i64, f64]",
    params: ["i64", "f64"],
    results: ["i64", "f64"],
    noctx: false,
    arg: counter,
  },
  {
    id: "four_mixed",
    label: "4 results (i32, i64, f32, f64) → [i32, i64, f32, f64]",
    params: ["i32", "i64", "f32", "f64"],
    results: ["i32", "i64", "f32", "f64"],
    noctx: false,
    arg: counter,
  },
  {
    id: "sum16",
    label: "guest memory: sum 16 bytes via hostbind_guest_ptr (u32) → i32",
    params: ["u32"],
    results: ["i32"],
    noctx: false,
    arg: "ptr16",
  },
  {
    id: "sum16_shared",
    label: "guest memory, shared (its size read in wasm at every call): sum 16 bytes (u32) → i32",
    params: ["u32"],
    results: ["i32"],
    noctx: false,
    arg: "ptr16",
    sharedMemory: true,
  },
  // Issue 20: strings, bytes and calls into the guest. `pair16` is `str16` declared as numbers.
  {
    id: "pair16",
    label: "(i32, i32) → void, a 16-byte string's (ptr, len) as numbers",
    params: ["i32", "i32"],
    results: [],
    noctx: false,
    arg: "win16",
  },
  {
    id: "str16",
    label: "string (16 bytes) → void, checked for bounds and UTF-8",
    params: ["u32", "u32"],
    results: [],
    noctx: false,
    arg: "win16",
    declared: { params: ["string"], result: "void" },
  },
  {
    id: "bytes64",
    label: "() → Uint8Array (64 bytes, into memory from the guest's allocator)",
    params: ["u32"],
    results: [],
    noctx: false,
    arg: "ret64",
    declared: { params: [], result: "Uint8Array" },
  },
  {
    id: "guestcall",
    label: "(i32) → i32 whose native code calls a guest export (i32) → i32",
    params: ["i32"],
    results: ["i32"],
    noctx: false,
    arg: counter,
    native: "guestcall",
  },
];

/** The guest exports every benchmark guest has: what `@exports` declares and the allocator of data results. */
export const GUEST_EXPORTS_NAMESPACE = "benchg";

/** True for a case whose guest instance must be the one bound while it runs (it reads or writes guest memory, or calls the guest). */
export function bindsOwnInstance(c: GeneratedCase): boolean {
  return c.arg === "win16" || c.arg === "ret64" || c.native === "guestcall";
}

/**
 * The C symbol of a generated case (hostbind's default `MODULE_NAME`).
 *
 * @example `caseSymbol(GENERATED_CASES[1]!); // "bench_one"`
 */
export function caseSymbol(c: GeneratedCase): string {
  return `${GENERATED_MODULE}_${c.id}`;
}

/** Shape of the baseline guests: one `i32` in, one `i32` out. */
export const SHAPE_ONE: GuestShape = { params: ["i32"], results: ["i32"], arg: counter };

/** Shape of the two-result baseline guests: one `i32` in, `(i32, i32)` out. */
export const SHAPE_TWO: GuestShape = { params: ["i32"], results: ["i32", "i32"], arg: counter };

/** Bytes of guest memory the harness fills with `addr & 0xFF` for `ptr16` cases. */
export const GUEST_PATTERN_BYTES = 4096;

/**
 * The value the guest's `run(n)` returns for a shape (for a void import: the
 * amount the native sink grows by). Closed form over the counter's period,
 * exact in a double for any n the benchmark uses (< 2^31).
 *
 * @example `expectedSum(SHAPE_TWO, 3); // 9`
 */
export function expectedSum(shape: GuestShape, n: number): number {
  const np = shape.params.length;
  // The native side adds each call's length (16) to its sink; the guest adds each result's length (64).
  if (shape.arg === "win16") return 16 * n;
  if (shape.arg === "ret64") return 64 * n;
  if (shape.arg === "ptr16") {
    // One window of 16 bytes at offset 16 * j holds ((16 * j + t) & 0xFF) for t < 16.
    const per = (j: number) => {
      let s = 0;
      for (let t = 0; t < 16; t++) s += (16 * j + t) & 0xff;
      return s;
    };
    return periodicSum(n, 256, per);
  }
  const k = shape.results.length;
  if (k === 0) return np * periodicSum(n, 65536, (m) => m);
  // Σ_k (np*m + k) = k*np*m + k(k-1)/2 per iteration.
  return k * np * periodicSum(n, 65536, (m) => m) + n * ((k * (k - 1)) / 2);
}

function periodicSum(n: number, period: number, g: (j: number) => number): number {
  let full = 0;
  let partial = 0;
  const rest = n % period;
  for (let j = 0; j < period; j++) {
    const v = g(j);
    full += v;
    if (j < rest) partial += v;
  }
  return Math.floor(n / period) * full + partial;
}
