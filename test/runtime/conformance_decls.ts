/**
 * The conformance declaration set, as source text (what a user writes) and
 * as hand-built IR (so emitter tests need no parser). Every value type as a
 * parameter and as a result; 0, 1, 2 and 6 results; traps; guest memory;
 * user_data; `@noctx` (one of them libm's own `hypot`); a module name that is
 * not an identifier.
 *
 * @example
 * ```ts
 * import { conformanceDeclarations } from "./conformance_decls.ts";
 * const decls = conformanceDeclarations();
 * decls.modules.map((m) => m.name); // ["env", "math-lib"]
 * ```
 * @module
 */
import type { Declarations, ImportFunction, ValueType } from "../../src/ir/types.ts";
import { defaultSymbol } from "../../src/ir/names.ts";

/** The file name the fixture claims to come from. */
export const CONFORMANCE_FILE = "conformance.d.ts";

/** The declarations as a user would write them (docs/declarations.md). */
export const CONFORMANCE_SOURCE = `import type { f32, f64, i32, i64, u32, u64 } from "hostbind/types";

/** The conformance host: one function per behaviour under test. */
export declare namespace env {
  /** Does nothing; counts its calls. */
  function nop(): void;
  /** Returns how often nop() ran. */
  function nop_count(): i32;
  function id_i32(x: i32): i32;
  function id_u32(x: u32): u32;
  function id_i64(x: i64): i64;
  function id_u64(x: u64): u64;
  function id_f32(x: f32): f32;
  function id_f64(x: f64): f64;
  /** The value as the native side saw it, widened to f64 (checks signedness). */
  function u32_to_f64(x: u32): f64;
  function u64_to_f64(x: u64): f64;
  function i64_to_f64(x: i64): f64;
  /** Integer division; traps (code 7) when b is 0. */
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  /** Six results of every type: a+1, b-1, c*2, d+1, e*2, -f. */
  function spread(a: i32, b: u32, c: i64, d: u64, e: f32, f: f64): [a: i32, b: u32, c: i64, d: u64, e: f32, f: f64];
  /** Unlabelled results with padding between them. */
  function swap(a: i64, b: f32): [f32, i64];
  /** Traps with the given code and a message naming it. */
  function fail(code: i32): void;
  /** Square root; traps (code 22) on a negative input. */
  function checked_sqrt(x: f64): f64;
  /** Traps with a message longer than the context can hold. */
  function fail_long(): i32;
  /** Sum of guest bytes [ptr, ptr+len); traps (code 1) when out of bounds. */
  function mem_sum(ptr: u32, len: u32): u32;
  /** ctx->memory_size. */
  function mem_size(): u64;
  /** ctx->user_data as an integer. */
  function user_data(): u64;
}

declare module "math-lib" {
  /** libm's own hypot, bound directly. @symbol hypot @noctx */
  export function hypot(x: f64, y: f64): f64;
  /** @noctx */
  export function add(a: i32, b: i32): i32;
  /** @noctx */
  export function minmax(a: f64, b: f64): [min: f64, max: f64];
}
`;

export type Sig = [name: string, params: [string, ValueType][], results: [string | null, ValueType][], opts?: { symbol?: string; noctx?: boolean; doc?: string }];

const ENV: Sig[] = [
  ["nop", [], [], { doc: "Does nothing; counts its calls." }],
  ["nop_count", [], [[null, "i32"]], { doc: "Returns how often nop() ran." }],
  ["id_i32", [["x", "i32"]], [[null, "i32"]]],
  ["id_u32", [["x", "u32"]], [[null, "u32"]]],
  ["id_i64", [["x", "i64"]], [[null, "i64"]]],
  ["id_u64", [["x", "u64"]], [[null, "u64"]]],
  ["id_f32", [["x", "f32"]], [[null, "f32"]]],
  ["id_f64", [["x", "f64"]], [[null, "f64"]]],
  ["u32_to_f64", [["x", "u32"]], [[null, "f64"]], { doc: "The value as the native side saw it, widened to f64 (checks signedness)." }],
  ["u64_to_f64", [["x", "u64"]], [[null, "f64"]]],
  ["i64_to_f64", [["x", "i64"]], [[null, "f64"]]],
  ["divmod", [["a", "i32"], ["b", "i32"]], [["quot", "i32"], ["rem", "i32"]], { doc: "Integer division; traps (code 7) when b is 0." }],
  [
    "spread",
    [["a", "i32"], ["b", "u32"], ["c", "i64"], ["d", "u64"], ["e", "f32"], ["f", "f64"]],
    [["a", "i32"], ["b", "u32"], ["c", "i64"], ["d", "u64"], ["e", "f32"], ["f", "f64"]],
    { doc: "Six results of every type: a+1, b-1, c*2, d+1, e*2, -f." },
  ],
  ["swap", [["a", "i64"], ["b", "f32"]], [[null, "f32"], [null, "i64"]], { doc: "Unlabelled results with padding between them." }],
  ["fail", [["code", "i32"]], [], { doc: "Traps with the given code and a message naming it." }],
  ["checked_sqrt", [["x", "f64"]], [[null, "f64"]], { doc: "Square root; traps (code 22) on a negative input." }],
  ["fail_long", [], [[null, "i32"]], { doc: "Traps with a message longer than the context can hold." }],
  ["mem_sum", [["ptr", "u32"], ["len", "u32"]], [[null, "u32"]], { doc: "Sum of guest bytes [ptr, ptr+len); traps (code 1) when out of bounds." }],
  ["mem_size", [], [[null, "u64"]], { doc: "ctx->memory_size." }],
  ["user_data", [], [[null, "u64"]], { doc: "ctx->user_data as an integer." }],
];

const MATH: Sig[] = [
  ["hypot", [["x", "f64"], ["y", "f64"]], [[null, "f64"]], { symbol: "hypot", noctx: true, doc: "libm's own hypot, bound directly." }],
  ["add", [["a", "i32"], ["b", "i32"]], [[null, "i32"]], { noctx: true }],
  ["minmax", [["a", "f64"], ["b", "f64"]], [["min", "f64"], ["max", "f64"]], { noctx: true }],
];

/** Builds one import function of the IR by hand. */
export function importFunction(module: string, sig: Sig, line = 1): ImportFunction {
  const [name, params, results, opts = {}] = sig;
  return {
    module,
    name,
    symbol: opts.symbol ?? defaultSymbol(module, name),
    symbolExplicit: opts.symbol !== undefined,
    params: params.map(([n, type]) => ({ name: n, type })),
    results: results.map(([n, type], i) => ({ name: n ?? `f${i}`, type, labelled: n !== null })),
    noctx: opts.noctx ?? false,
    async: false,
    doc: opts.doc ?? "",
    location: { file: CONFORMANCE_FILE, line, column: 3 },
  };
}

/** The conformance set as IR: the same modules and functions as {@link CONFORMANCE_SOURCE} (locations approximate). */
export function conformanceDeclarations(): Declarations {
  const loc = (line: number) => ({ file: CONFORMANCE_FILE, line, column: 1 });
  return {
    file: CONFORMANCE_FILE,
    modules: [
      {
        name: "env",
        doc: "The conformance host: one function per behaviour under test.",
        functions: ENV.map((s, i) => importFunction("env", s, 5 + i)),
        location: loc(4),
      },
      {
        name: "math-lib",
        doc: "",
        functions: MATH.map((s, i) => importFunction("math-lib", s, 50 + i)),
        location: loc(49),
      },
    ],
  };
}
