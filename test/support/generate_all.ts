/**
 * Prints, as one JSON object, every fixture's output of every kind keyed
 * `<fixture>/<kind>` (or `ERROR: <message>` when generation throws). The
 * golden test runs this under Deno and Bun to prove the output is
 * byte-identical across runtimes.
 *
 * @example
 * ```sh
 * node_modules/.bin/deno run --allow-read --allow-env test/support/generate_all.ts > out.json
 * ```
 * @module
 */
import { OUTPUT_KINDS } from "../../src/generate.ts";
import { FIXTURES, generateFixture } from "./fixtures.ts";

/** `<fixture>/<kind>` → contents, or `ERROR: message`. */
export function generateAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIXTURES) {
    for (const k of OUTPUT_KINDS) {
      try {
        out[`${f}/${k}`] = generateFixture(f, k).contents;
      } catch (e) {
        out[`${f}/${k}`] = `ERROR: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
  return out;
}

if ((import.meta as { main?: boolean }).main === true) {
  console.log(JSON.stringify(generateAll()));
}
