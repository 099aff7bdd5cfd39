/**
 * Synthetic declaration files for the codegen-throughput benchmark: `count`
 * imports of mixed shapes (0, 1, 2 and 4 results; every value type; type
 * aliases and labelled tuples; `@noctx` and `@symbol`; JSDoc; namespaces and
 * quoted `declare module`s), 50 per module. Deterministic: the same count
 * always gives the same text.
 *
 * @example
 * ```ts
 * import { synthDeclarations } from "./synth.ts";
 * const text = synthDeclarations(100);
 * text.match(/function /g)?.length; // 100
 * ```
 * @module
 */

/** Imports per module (namespace or `declare module`). */
export const PER_MODULE = 50;

/** Function shapes, cycled through; `$` is replaced by a unique suffix. */
const SHAPES: readonly string[] = [
  "/** Adds two integers. */\n  function add$(a: i32, b: i32): i32;",
  "/** Integer division: quotient and remainder. */\n  function divmod$(a: i32, b: i32): [quot: i32, rem: i32];",
  "function now$(): f64;",
  "/** Logs a value. */\n  function log$(level: u32, value: f64): void;",
  "function pair$(x: i64): Pair;",
  "/**\n   * Four results of every width.\n   * @param seed where to start\n   */\n  function quad$(seed: u64, scale: f32): [a: i32, b: i64, c: f32, d: f64];",
  "/** @noctx */\n  function hypot$(x: f64, y: f64): f64;",
  "/** @symbol custom_sym$ */\n  function renamed$(p: u32, q: u64, r: f32): [u32, u64];",
  "function fill$(ptr: u32, len: u32, byte: i32): void;",
  "function scale$(v: f32): f32;",
];

/**
 * A declaration file with exactly `count` imports.
 *
 * @example `synthDeclarations(100).match(/function /g)?.length; // 100`
 */
export function synthDeclarations(count: number): string {
  const lines = [
    `// Synthetic hostbind input: ${count} imports of mixed shapes (bench/codegen/synth.ts).`,
    'import type { f32, f64, i32, i64, u32, u64 } from "hostbind";',
    "",
    "/** A pair of 64-bit results, reused through an alias. */",
    "type Pair = [lo: i64, hi: i64];",
    "",
  ];
  for (let start = 0, m = 0; start < count; start += PER_MODULE, m++) {
    const n = Math.min(PER_MODULE, count - start);
    // Every fourth module has a name that is not an identifier.
    const head = m % 4 === 3 ? `declare module "mod-${m}" {` : `export declare namespace m${m} {`;
    lines.push(`/** Module ${m}. */`, head);
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const fn = SHAPES[k % SHAPES.length]!.replaceAll("$", `_${k}`);
      lines.push(`  ${m % 4 === 3 ? fn.replace("function ", "export function ") : fn}`);
    }
    lines.push("}", "");
  }
  return lines.join("\n");
}
