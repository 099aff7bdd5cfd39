/**
 * A unified diff of two texts, line by line, for `generate --check`: what
 * changed in a stale file, in the format `diff -u` and `git diff` print,
 * cut to a few lines so a CI log stays short.
 *
 * @example
 * ```ts
 * import { unifiedDiff } from "./diff.ts";
 * unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "gen/x.h (on disk)", "gen/x.h (generated)");
 * // "--- gen/x.h (on disk)\n+++ gen/x.h (generated)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
 * ```
 * @module
 */

/** Lines of context around each change, as `diff -u` shows. */
const CONTEXT = 3;

/** Past this many differing lines the edit script is not minimised: the changed middle is shown as removed, then added. */
const MAX_EDITS = 2000;

/** One line of an edit script: kept (` `), removed (`-`) or added (`+`). */
interface Edit {
  op: " " | "-" | "+";
  text: string;
}

/**
 * The unified diff from `before` to `after` (labelled `from` and `to`), at
 * most `maxLines` lines of hunks (then a line saying how many more differ);
 * `""` when the texts are equal.
 *
 * @example
 * ```ts
 * unifiedDiff("x\n", "x\n", "a", "b"); // ""
 * ```
 */
export function unifiedDiff(before: string, after: string, from: string, to: string, maxLines = 40): string {
  if (before === after) return "";
  const edits = editScript(splitLines(before), splitLines(after));
  const out = [`--- ${from}`, `+++ ${to}`];
  let shown = 0;
  let hidden = 0;
  for (const hunk of hunks(edits)) {
    for (const line of hunk) {
      if (shown < maxLines) {
        out.push(line);
        shown++;
      } else if (!line.startsWith(" ") && !line.startsWith("@")) {
        hidden++;
      }
    }
  }
  if (hidden > 0) out.push(`… ${hidden} more changed ${hidden === 1 ? "line" : "lines"}`);
  return out.join("\n") + "\n";
}

/** Lines of `text`; a last line without a line break is marked as `diff` marks it. */
function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}

/** The edit script from `a` to `b`: common prefix and suffix kept, the middle by Myers' algorithm. */
function editScript(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const keep = (lines: string[]) => lines.map((text): Edit => ({ op: " ", text }));
  return [...keep(a.slice(0, start)), ...middle(a.slice(start, endA), b.slice(start, endB)), ...keep(a.slice(endA))];
}

/** Myers' shortest edit script (O((N+M)·D)), or remove-all-then-add-all past {@link MAX_EDITS}. */
function middle(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d);
    }
  }
  return [...a.map((text): Edit => ({ op: "-", text })), ...b.map((text): Edit => ({ op: "+", text }))];
}

/** Walks the saved frontiers back from the end, collecting the edits in order. */
function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number, depth: number): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; y--) edits.push({ op: " ", text: a[--x]! });
    if (down) edits.push({ op: "+", text: b[--y]! });
    else edits.push({ op: "-", text: a[--x]! });
  }
  for (; x > 0 && y > 0; y--) edits.push({ op: " ", text: a[--x]! });
  return edits.reverse();
}

/** The hunks of an edit script, each as its `@@` line and its lines, with {@link CONTEXT} lines around changes. */
function hunks(edits: Edit[]): string[][] {
  const result: string[][] = [];
  let i = 0;
  // Line numbers (1-based) in the old and new text of edits[i].
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const e of edits) {
    oldLine.push(o);
    newLine.push(n);
    if (e.op !== "+") o++;
    if (e.op !== "-") n++;
  }
  while (i < edits.length) {
    while (i < edits.length && edits[i]!.op === " ") i++;
    if (i === edits.length) break;
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend while the next change is within two contexts of the last one.
    for (;;) {
      while (end < edits.length && edits[end]!.op !== " ") end++;
      let next = end;
      while (next < edits.length && edits[next]!.op === " ") next++;
      if (next < edits.length && next - end <= 2 * CONTEXT) end = next;
      else break;
    }
    const stop = Math.min(edits.length, end + CONTEXT);
    const slice = edits.slice(start, stop);
    const oldCount = slice.filter((e) => e.op !== "+").length;
    const newCount = slice.filter((e) => e.op !== "-").length;
    const oldStart = oldCount === 0 ? oldLine[start]! - 1 : oldLine[start]!;
    const newStart = newCount === 0 ? newLine[start]! - 1 : newLine[start]!;
    result.push([`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...slice.map((e) => e.op + e.text)]);
    i = stop;
    start = stop;
  }
  return result;
}
