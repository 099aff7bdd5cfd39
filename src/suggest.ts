/**
 * "Did you mean …?" for a mistyped name: the one candidate close enough to
 * what was written that a typo is the likely cause. Used for commands, flags,
 * configuration keys and type names, so every such message suggests alike.
 *
 * @example
 * ```ts
 * import { closest } from "./suggest.ts";
 * closest("--out-dri", ["--out-dir", "--name"]); // "--out-dir"
 * closest("i23", ["i32", "u32", "f64"]); // "i32"
 * closest("string", ["i32", "u32"]); // undefined
 * ```
 * @module
 */

/**
 * The candidate nearest to `written`, or `undefined` when none is near enough.
 * Case, `-` and `_` are ignored (`outdir` finds `outDir`, `OUT_DIR` finds
 * `out-dir`); beyond that, one edit (insert, delete, replace or swap two
 * neighbours) per three characters is allowed, and at least one. A tie goes
 * to the candidate listed first.
 *
 * @example
 * ```ts
 * import { closest } from "./suggest.ts";
 * closest("genrate", ["generate", "explain", "declare"]); // "generate"
 * ```
 */
export function closest(written: string, candidates: readonly string[]): string | undefined {
  const w = loose(written);
  const allowed = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const c of candidates) {
    const d = editDistance(w, loose(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function loose(s: string): string {
  return s.toLowerCase().replace(/[-_]/g, "");
}

/** Optimal string alignment distance: Levenshtein plus swapping two neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      let v: number;
      if (i === 0 || j === 0) {
        v = i + j;
      } else {
        v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      }
      d[i * width + j] = v;
    }
  }
  return at(a.length, b.length);
}
