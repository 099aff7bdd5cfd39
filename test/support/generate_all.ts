/**
 * Prints, as one JSON object, every fixture's outputs keyed
 * `<fixture>/<file>` (or `ERROR: <message>` when generation throws). The
 * golden test runs this under Deno and Bun to prove the output is
 * byte-identical across runtimes.
 *
 * @example
 * ```sh
 * node_modules/.bin/deno run --allow-read --allow-env test/support/generate_all.ts > out.json
 * ```
 * @module
 */
import { FIXTURES, generateFixture } from "./fixtures.ts";

/** `<fixture>/<file>` → contents, or `<fixture>` → `ERROR: message`. */
export function generateAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIXTURES) {
    try {
      for (const file of generateFixture(f)) out[`${f}/${file.path}`] = file.contents;
    } catch (e) {
      out[f] = `ERROR: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return out;
}

if ((import.meta as { main?: boolean }).main === true) {
  console.log(JSON.stringify(generateAll()));
}
