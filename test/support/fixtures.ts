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
 *   const file = generateFixture(f, "c");
 *   console.log(goldenPath(f, file.path));
 * }
 * ```
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate, type GeneratedFile, type OutputKind } from "../../src/generate.ts";
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

/** Generates one output of `fixture` through the public `generate()`. */
export function generateFixture(fixture: string, kind: OutputKind): GeneratedFile {
  const [file] = generate(fixtureSource(fixture), { file: `${fixture}.d.ts`, lib: `./lib${fixture}`, targets: [kind] });
  if (file === undefined) throw new Error(`generate() returned no ${kind} file for ${fixture}`);
  return file;
}

/** Where the golden copy of a generated file lives: `test/golden/<fixture>/<path>`. */
export function goldenPath(fixture: string, path: string): string {
  return join(GOLDEN_DIR, fixture, path);
}
