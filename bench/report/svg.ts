/**
 * A small, dependency-free SVG bar chart: horizontal bars, one row per
 * category, one bar per series in each row, on a log or linear axis.
 * Output is deterministic (fixed number formatting, no ids from counters).
 *
 * @example
 * ```ts
 * import { barChartSvg } from "./svg.ts";
 * const svg = barChartSvg({
 *   title: "ns per call",
 *   categories: ["pure JS", "hostbind, 2 results"],
 *   series: [{ name: "Deno", color: "#2f6fb0", values: [3.4, 7.9] }],
 *   unit: "ns",
 * });
 * svg.startsWith("<svg"); // true
 * ```
 * @module
 */

/** One series: a value (or nothing) per category. */
export interface BarSeries {
  name: string;
  /** Any SVG colour. */
  color: string;
  /** One per category; `undefined` leaves the bar out (e.g. a case a runtime lacks). */
  values: readonly (number | undefined)[];
}

/** What to draw. */
export interface BarChart {
  title: string;
  /** Row labels, top to bottom. */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Unit printed after each value and on the axis. */
  unit: string;
  /** Logarithmic value axis (for data spanning orders of magnitude). @default true */
  log?: boolean;
}

const LABEL_W = 330;
const PLOT_W = 480;
const VALUE_W = 90;
const BAR_H = 14;
const BAR_GAP = 2;
const ROW_GAP = 10;
const TOP = 48;
const AXIS_H = 28;

/**
 * Escapes text for SVG content and attributes.
 *
 * @example `xmlEscape("a < b"); // "a &lt; b"`
 */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A value printed compactly: 3 significant digits, at most 1 decimal above 10.
 *
 * @example `formatValue(12.345); // "12.3"`
 */
export function formatValue(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/**
 * Renders `chart` as a standalone SVG document (ends with a newline).
 *
 * @example `barChartSvg(chart).endsWith("</svg>\n"); // true`
 */
export function barChartSvg(chart: BarChart): string {
  const log = chart.log ?? true;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined && v > 0));
  const max = Math.max(1, ...all);
  const min = log ? Math.min(1, ...all) : 0;
  const ticks = log ? logTicks(min, max) : linearTicks(max);
  const lo = log ? Math.log10(ticks[0]!) : 0;
  const hi = log ? Math.log10(ticks[ticks.length - 1]!) : ticks[ticks.length - 1]!;
  const x = (v: number) => LABEL_W + (((log ? Math.log10(v) : v) - lo) / (hi - lo)) * PLOT_W;
  const rowH = chart.series.length * (BAR_H + BAR_GAP) - BAR_GAP + ROW_GAP;
  const plotH = chart.categories.length * rowH;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const height = TOP + plotH + AXIS_H + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${xmlEscape(chart.title)}</text>`,
  ];
  chart.series.forEach((s, i) => {
    const lx = LABEL_W + i * 110;
    out.push(`<rect x="${lx}" y="30" width="12" height="12" fill="${xmlEscape(s.color)}"/>`);
    out.push(`<text x="${lx + 16}" y="40">${xmlEscape(s.name)}</text>`);
  });
  for (const t of ticks) {
    const tx = x(t).toFixed(1);
    out.push(`<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${TOP + plotH}" stroke="#dddddd"/>`);
    out.push(`<text x="${tx}" y="${TOP + plotH + 16}" text-anchor="middle" fill="#555555">${formatTick(t)}</text>`);
  }
  out.push(
    `<text x="${LABEL_W + PLOT_W / 2}" y="${TOP + plotH + AXIS_H + 8}" text-anchor="middle" fill="#555555">${xmlEscape(chart.unit)}${log ? " (log scale)" : ""}</text>`,
  );
  chart.categories.forEach((c, row) => {
    const y0 = TOP + row * rowH;
    const mid = y0 + (rowH - ROW_GAP) / 2 + 4;
    out.push(`<text x="${LABEL_W - 8}" y="${mid.toFixed(1)}" text-anchor="end">${xmlEscape(c)}</text>`);
    chart.series.forEach((s, i) => {
      const v = s.values[row];
      if (v === undefined || !(v > 0)) return;
      const y = y0 + i * (BAR_H + BAR_GAP);
      const w = Math.max(1, x(v) - LABEL_W);
      out.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${xmlEscape(s.color)}"/>`);
      out.push(`<text x="${(LABEL_W + w + 4).toFixed(1)}" y="${y + BAR_H - 3}" font-size="11">${formatValue(v)} ${xmlEscape(chart.unit)}</text>`);
    });
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

/** 1-2-5 ticks covering [min, max]. */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  let decade = 10 ** Math.floor(Math.log10(min));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const t = m * decade;
      if (t >= min / 2.0001 || ticks.length > 0) ticks.push(t);
      if (t >= max) return ticks;
    }
    decade *= 10;
  }
}

function linearTicks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(max));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(6)));
  return ticks;
}

function formatTick(t: number): string {
  return t >= 1 ? String(Math.round(t)) : String(Number(t.toPrecision(2)));
}
