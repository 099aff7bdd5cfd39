/**
 * The main comparison as a bar chart: the floor, the hand-written baselines
 * and hostbind's generated imports, one bar per runtime.
 *
 * @example
 * ```ts
 * import { callOverheadChart } from "./chart.ts";
 * import { barChartSvg } from "./svg.ts";
 * const svg = barChartSvg(callOverheadChart(runs));
 * ```
 * @module
 */
import { nsOf } from "./checks.ts";
import type { RuntimeRun } from "./model.ts";
import type { BarChart } from "./svg.ts";

/** Case id and the short label the chart shows, top to bottom. */
export const CHART_ROWS: readonly (readonly [string, string])[] = [
  ["js_floor", "pure JS import, 1 result (floor)"],
  ["ffi_arrow", "arrow wrapper → FFI, 1 result"],
  ["ffi_direct", "FFI symbol as the import"],
  ["hb_one", "hostbind, 1 result"],
  ["hb_one_noctx", "hostbind, 1 result, @noctx"],
  ["hb_two", "hostbind, 2 results (stub)"],
  ["hb_four", "hostbind, 4 results (stub)"],
  ["js_array", "pure JS returning [a, b]"],
  ["wrapper_array", "wrapper: out-struct → [a, b]"],
  ["koffi_ctx", "koffi, 1 result (Node)"],
  ["deno_struct", "Deno struct by value → [a, b]"],
];

const COLORS: Readonly<Record<string, string>> = { deno: "#2f6fb0", bun: "#d9822b", node: "#3c873a" };

/**
 * The chart for `runs` (rows no runtime measured are left out).
 *
 * @example `callOverheadChart(runs).categories[0]; // "pure JS import, 1 result (floor)"`
 */
export function callOverheadChart(runs: readonly RuntimeRun[]): BarChart {
  const rows = CHART_ROWS.filter(([id]) => runs.some((r) => nsOf(r, id) !== undefined));
  return {
    title: "wasm → native call overhead (ns per call, lower is better)",
    categories: rows.map(([, label]) => label),
    series: runs.map((run) => ({
      name: run.version.split(" (")[0]!,
      color: COLORS[run.runtime] ?? "#777777",
      values: rows.map(([id]) => nsOf(run, id)),
    })),
    unit: "ns",
  };
}
