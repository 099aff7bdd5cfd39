/**
 * Configuration files for `hostbind generate`, so `deno task gen` or
 * `npm run gen` need no flags. hostbind looks in the current directory only,
 * never in its parents: `deno task` and `npm run` already run in the
 * directory of their `deno.json`/`package.json`, and a lookup that wanders
 * upwards would pick up an unrelated project's settings. The first of these
 * that holds a configuration is used; the others are not read:
 *
 * 1. `hostbind.config.json` — the whole file is the configuration;
 * 2. `deno.json`, then `deno.jsonc` — the `"hostbind"` key (comments allowed);
 * 3. `package.json` — the `"hostbind"` key.
 *
 * Flags on the command line override single fields. Paths (`input`, `outDir`,
 * `module`) are relative to the configuration file's directory; `lib` is
 * written into the bindings verbatim, relative to the generated files, as
 * with `--lib`.
 *
 * @example
 * ```ts
 * import { findConfig } from "./config.ts";
 * import { nodeIO } from "./io.ts";
 * const config = findConfig(nodeIO().fs); // { file: "deno.json", settings: { input: "env.d.ts", outDir: "gen", … } } or undefined
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { closest } from "../suggest.ts";
import { type GenerateOptions, OUTPUT_KINDS, type OutputKind } from "../options.ts";
import type { SourceLocation } from "../ir/types.ts";
import { type CliFs, describeFsError } from "./io.ts";
import { type JsonEntry, type JsonNode, parseJson } from "../json/parse.ts";
import { joinPath, parentDir } from "./common.ts";

/**
 * The settings of `hostbind generate`, the one shape the command-line flags
 * and a configuration give (every field optional; flags win field by field).
 * `name`, `lib`, `targets`, `symbolPrefix` and `excludeModules` are the library's own {@link GenerateOptions}
 * and are handed to `generate()` as they are.
 */
export interface GenerateSettings extends Pick<GenerateOptions, "name" | "lib" | "targets" | "symbolPrefix" | "excludeModules" | "excludeImports"> {
  /** The input (`.d.ts`, `.ts` or `.wasm`); from a configuration, resolved against its directory. */
  input?: string;
  /** The output directory; from a configuration, resolved against its directory. */
  outDir?: string;
  /** A compiled guest to cross-check the declarations against; from a configuration, resolved against its directory. */
  module?: string;
}

/** A configuration found on disk. */
export interface GenerateConfig {
  /** The file the configuration was read from, as found (`deno.json`, `sub/hostbind.config.json`). */
  file: string;
  /** What it sets. */
  settings: GenerateSettings;
  /** Files of lower precedence in the same directory that hold a configuration too, not used. */
  shadowed?: string[];
}

/** Where hostbind looks, in order of precedence, and whether the file is all configuration. */
export const CONFIG_FILES: readonly { name: string; whole: boolean; comments: boolean }[] = [
  { name: "hostbind.config.json", whole: true, comments: false },
  { name: "deno.json", whole: false, comments: true },
  { name: "deno.jsonc", whole: false, comments: true },
  { name: "package.json", whole: false, comments: false },
];

const KEYS = ["input", "outDir", "name", "lib", "targets", "module", "symbolPrefix", "excludeModules", "excludeImports"] as const;
type Key = (typeof KEYS)[number];
const PATH_KEYS: ReadonlySet<Key> = new Set(["input", "outDir", "module"]);

/**
 * The configuration in the current directory (see the module doc), or
 * `undefined` when there is none. Throws a located {@link HostbindError}
 * when the file that holds it is malformed.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * findConfig(nodeIO().fs)?.file; // "hostbind.config.json"
 * ```
 */
export function findConfig(fs: CliFs): GenerateConfig | undefined {
  for (const [i, c] of CONFIG_FILES.entries()) {
    if (fs.kind(c.name) !== "file") continue;
    const config = readConfigFile(fs, c.name, false);
    if (config === undefined) continue;
    // Said in the note the CLI prints: a lower file that holds a configuration too is not used.
    const shadowed = CONFIG_FILES.slice(i + 1).filter((o) => mentionsHostbind(fs, o.name)).map((o) => o.name);
    return shadowed.length === 0 ? config : { ...config, shadowed };
  }
  return undefined;
}

/** True for a deno.json or package.json here that mentions a "hostbind" key (not parsed: only for a note). */
function mentionsHostbind(fs: CliFs, name: string): boolean {
  if (fs.kind(name) !== "file") return false;
  try {
    return new TextDecoder().decode(fs.readFile(name)).includes('"hostbind"');
  } catch {
    return false;
  }
}

/**
 * The line the CLI prints when a run uses a configuration: which file, which
 * fields it set, and which other files holding one were not used (files are
 * never merged).
 *
 * @example
 * ```ts
 * configNote({ file: "deno.json", settings: { outDir: "gen", lib: "./libenv" }, shadowed: ["package.json"] });
 * // "note: using the configuration in deno.json (outDir, lib; flags override it); package.json's is not used\n"
 * ```
 */
export function configNote(config: GenerateConfig): string {
  const fields = Object.keys(config.settings).join(", ");
  const shadowed = config.shadowed === undefined ? "" : `; ${config.shadowed.map((f) => `${f}'s`).join(" and ")} is not used`;
  return `note: using the configuration in ${config.file} (${fields || "no fields"}; flags override it)${shadowed}\n`;
}

/**
 * Reads the configuration in `path`: the `"hostbind"` key of a `deno.json`,
 * `deno.jsonc` or `package.json`, the whole file otherwise. With `required`,
 * a file without that key is an error; without, it gives `undefined`.
 *
 * @example
 * ```ts
 * import { nodeIO } from "./io.ts";
 * readConfigFile(nodeIO().fs, "tools/hostbind.json", true); // { file: "tools/hostbind.json", settings: { input: "tools/env.d.ts", … } }
 * ```
 */
export function readConfigFile(fs: CliFs, path: string, required: boolean): GenerateConfig | undefined {
  const base = path.split(/[\\/]/).pop() ?? path;
  const kind = CONFIG_FILES.find((c) => c.name === base && !c.whole);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(fs.readFile(path));
  } catch (e) {
    throw new HostbindError(`Cannot read configuration file \`${path}\`: ${e instanceof TypeError ? "it is not valid UTF-8 text" : describeFsError(e)}`, {
      hint: "Check the path given to --config.",
    });
  }
  // A deno.json or package.json that never mentions hostbind is not parsed at all (a large
  // package.json costs every run nothing); a key spelled with escapes is not worth the parse.
  if (kind !== undefined && !required && !text.includes('"hostbind"')) return undefined;
  const doc = parseJson(text, path, { comments: kind?.comments ?? /\.jsonc$/.test(base) });
  if (kind === undefined) return toConfig(doc, path, "the configuration");
  if (doc.kind !== "object") throw wrongType(doc, `the top level of ${base}`, "an object");
  const entry = doc.entries.find((e) => e.key === "hostbind");
  if (entry === undefined) {
    if (!required) return undefined;
    throw new HostbindError(`${path} has no "hostbind" key`, {
      location: doc.at,
      hint: 'Add `"hostbind": { "input": "…", "outDir": "…" }`, or pass a hostbind.config.json.',
    });
  }
  return toConfig(entry.value, path, 'the "hostbind" key');
}

function toConfig(node: JsonNode, file: string, what: string): GenerateConfig {
  if (node.kind !== "object") throw wrongType(node, what, `an object with ${KEYS.join(", ")}`);
  const settings: GenerateSettings = {};
  const dir = parentDir(file);
  for (const entry of node.entries) {
    const key = KEYS.find((k) => k === entry.key);
    if (key === undefined) throw unknownKey(entry, what);
    if (key === "targets") {
      settings.targets = targetsOf(entry.value);
      continue;
    }
    if (key === "excludeModules") {
      if (entry.value.kind !== "array") throw wrongType(entry.value, key, "an array of import module names");
      settings.excludeModules = entry.value.items.map((i) => stringOf(i, "each of excludeModules"));
      continue;
    }
    if (key === "excludeImports") {
      if (entry.value.kind !== "array") throw wrongType(entry.value, key, "an array of MODULE.NAME patterns");
      settings.excludeImports = entry.value.items.map((i) => stringOf(i, "each of excludeImports"));
      continue;
    }
    const value = stringOf(entry.value, key);
    settings[key] = PATH_KEYS.has(key) && !isAbsolute(value) ? joinPath(dir, value) : value;
  }
  return { file, settings };
}

/** `targets` as an array of names or one comma-separated string, like `--targets`. */
function targetsOf(node: JsonNode): OutputKind[] {
  const items: { value: string; at: SourceLocation }[] = node.kind === "string"
    ? node.value.split(",").map((s) => ({ value: s.trim(), at: node.at })).filter((s) => s.value !== "")
    : node.kind === "array"
    ? node.items.map((i) => ({ value: stringOf(i, "each of targets"), at: i.at }))
    : [];
  if (node.kind !== "string" && node.kind !== "array") throw wrongType(node, "targets", "an array of output names or a comma-separated string");
  if (items.length === 0) throw wrongType(node, "targets", `at least one of ${OUTPUT_KINDS.join(", ")}`);
  for (const item of items) {
    if (!(OUTPUT_KINDS as readonly string[]).includes(item.value)) {
      const near = closest(item.value, OUTPUT_KINDS);
      throw new HostbindError(`Unknown output \`${item.value}\` in targets; expected ${OUTPUT_KINDS.join(", ")}`, {
        location: item.at,
        hint: near === undefined ? `Use one or more of: ${OUTPUT_KINDS.join(", ")}.` : `Did you mean \`${near}\`?`,
      });
    }
  }
  return items.map((i) => i.value as OutputKind);
}

function stringOf(node: JsonNode, key: string): string {
  if (node.kind !== "string") throw wrongType(node, key, "a string");
  if (node.value === "") throw wrongType(node, key, "a non-empty string");
  return node.value;
}

function wrongType(node: JsonNode, what: string, expected: string): HostbindError {
  const found = node.kind === "string" && node.value === "" ? "an empty string" : `${article(node.kind)} ${node.kind}`;
  return new HostbindError(`Expected ${expected} for ${what}, found ${found}`, {
    location: node.at,
    hint: "See `hostbind generate --help` for the configuration fields.",
  });
}

function unknownKey(entry: JsonEntry, what: string): HostbindError {
  const near = entry.key === "out" ? "outDir" : closest(entry.key, KEYS);
  return new HostbindError(`Unknown key \`${entry.key}\` in ${what}; expected one of ${KEYS.join(", ")}`, {
    location: entry.keyAt,
    hint: near === undefined ? "Remove it, or fix its spelling." : `Did you mean \`${near}\`?`,
  });
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? "an" : "a";
}

/** True for `/abs`, `C:\abs`, `\\server\share`: paths a config directory must not be prefixed to. */
function isAbsolute(p: string): boolean {
  return /^([\\/]|[A-Za-z]:[\\/])/.test(p);
}
