/**
 * The declaration fixtures under `test/fixtures/` and their golden outputs
 * under `test/golden/<fixture>/`: one place that says how a fixture is
 * generated (file name `<fixture>.d.ts`, `lib: "./lib<fixture>"`), so the
 * golden test, the header compile test and the cross-runtime check agree.
 *
 * @example
 * ```ts
 * import { FIXTURES, generateFixture, goldenPath } from "./fixtures.ts";
 * for (const f of FIXTURES) {
 *   for (const file of generateFixture(f)) console.log(goldenPath(f, file.path));
 * }
 * ```
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate, type GeneratedFile, OUTPUT_KINDS } from "../../src/generate.ts";
import { ROOT } from "./tmp.ts";

/** Absolute path of `test/fixtures/`. */
export const FIXTURES_DIR: string = join(ROOT, "test", "fixtures");

/** Absolute path of `test/golden/`. */
export const GOLDEN_DIR: string = join(ROOT, "test", "golden");

/** Fixture names (file names without `.d.ts`), sorted. */
export const FIXTURES: readonly string[] = readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -".d.ts".length))
  .sort();

/** The declaration text of `fixture`. */
export function fixtureSource(fixture: string): string {
  return readFileSync(join(FIXTURES_DIR, `${fixture}.d.ts`), "utf8");
}

/** Every output of `fixture` (all targets, so also the runtime-neutral entry) through the public `generate()`. */
export function generateFixture(fixture: string): GeneratedFile[] {
  return generate(fixtureSource(fixture), { file: `${fixture}.d.ts`, lib: `./lib${fixture}`, targets: OUTPUT_KINDS });
}

/** Where the golden copy of a generated file lives: `test/golden/<fixture>/<path>`. */
export function goldenPath(fixture: string, path: string): string {
  return join(GOLDEN_DIR, fixture, path);
}
