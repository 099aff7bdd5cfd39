/**
 * Helpers for the parser's table-driven tests: a one-line rendering of each
 * import's signature (so a `want` fits on one line), and the errors a source
 * produces, flattened, as `LINE:COL message`.
 *
 * @example
 * ```ts
 * import { signatures, problems } from "./parse.ts";
 * signatures("declare namespace env { function f(a: i32): [q: i32, r: i32]; }");
 * // ["env.f(a: i32) -> [q: i32, r: i32] as env_f"]
 * problems("declare namespace env { function f(a: string): void; }")[0]?.at; // "1:39"
 * ```
 * @module
 */
import { HostbindError, HostbindErrors } from "../../src/errors.ts";
import type { Declarations, ImportFunction } from "../../src/ir/types.ts";
import { validateDeclarations } from "../../src/ir/validate.ts";
import { readDts } from "../../src/parse/mod.ts";

/** The file name every test source is parsed under. */
export const FILE = "t.d.ts";

/**
 * `MODULE.NAME(p: T, …) -> R as SYMBOL[ noctx]`, where R is `void`, `T`
 * (one unlabelled result), or `[label: T, …]` / `[T, …]` for tuples, in
 * `Promise<…>` for an async import.
 */
export function signature(fn: ImportFunction): string {
  const params = fn.params.map((p) => `${p.name}: ${p.type}`).join(", ");
  const rs = fn.results;
  let results: string;
  if (rs.length === 0) results = "void";
  else if (rs.length === 1 && !rs[0]!.labelled && rs[0]!.name === "f0") results = rs[0]!.type;
  else results = `[${rs.map((r) => (r.labelled ? `${r.name}: ${r.type}` : r.type)).join(", ")}]`;
  // Unlabelled results must be named by position; say so if one is not.
  rs.forEach((r, i) => {
    if (!r.labelled && r.name !== `f${i}`) results += ` (result ${i} named ${r.name})`;
  });
  return `${fn.module}.${fn.name}(${params}) -> ${fn.async ? `Promise<${results}>` : results} as ${fn.symbol}${fn.noctx ? " noctx" : ""}`;
}

/** Parses and validates `source`, returning every import's {@link signature}. */
export function signatures(source: string): string[] {
  return parseValid(source).modules.flatMap((m) => m.functions.map(signature));
}

/** Parses and validates `source`. */
export function parseValid(source: string): Declarations {
  const decls = readDts(source, FILE);
  validateDeclarations(decls);
  return decls;
}

/** One reported error: `at` is `LINE:COL`. */
export interface Problem {
  at: string;
  message: string;
  hint: string;
}

/** The errors `run` throws, flattened and in order; throws if it throws something else or nothing. */
export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (!(e instanceof HostbindError)) throw e;
    const list = e instanceof HostbindErrors ? e.errors : [e];
    return list.map((x) => ({
      at: x.location ? `${x.location.line}:${x.location.column}` : "",
      message: x.message,
      hint: x.hint ?? "",
    }));
  }
  throw new Error("expected a HostbindError, but the input was accepted");
}

/** The errors parsing and validating `source` produces. */
export function problems(source: string): Problem[] {
  return problemsOf(() => parseValid(source));
}
