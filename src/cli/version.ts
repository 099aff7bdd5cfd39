/**
 * hostbind's version, as a constant rather than read from `package.json` at
 * run time: the CLI then needs no file access or path arithmetic to answer
 * `--version`, whether it runs from `src/` in Deno or Bun or from `dist/` in
 * Node. A test checks it against `package.json`.
 *
 * @example
 * ```ts
 * import { VERSION } from "./version.ts";
 * console.log(`hostbind ${VERSION}`);
 * ```
 * @module
 */

/** The version in `package.json`. */
export const VERSION = "0.1.0";

/**
 * Whether this version is on the npm registry: until it is, `hostbind init`
 * points a new project's `hostbind` dependency at the package or checkout it
 * runs from (`file:…`) instead of a version range that would not install.
 */
export const PUBLISHED = false;
