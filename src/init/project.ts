/**
 * `hostbind init`: the files of a starter project, as data. A sample
 * declaration (`hello.d.ts`), its C implementation (`hello.c`), a tiny guest
 * (`guest.wat` and its binary `guest.wasm`), the generated bindings
 * (`gen/`), a host (`main.ts`), a build script (`build.mjs`), and `dev`
 * scripts in `package.json` and `deno.json` so `npm run dev`, `bun run dev`
 * and `deno task dev` regenerate, build the library and run the guest.
 *
 * Nothing here touches the disk: the caller says what exists (so existing
 * `package.json` and `deno.json` get a `dev` script added, never replaced)
 * and writes what comes back.
 *
 * @example
 * ```ts
 * import { starterProject } from "./project.ts";
 * const project = starterProject({});
 * project.files.map((f) => f.path).includes("hello.c"); // true
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { generate } from "../generate.ts";
import { readTemplate } from "../emit/ts/template.ts";
import { VERSION } from "../cli/version.ts";
import { GUEST_WASM } from "./guest.ts";

/** One file of the project: text, or bytes (the guest). */
export interface ProjectFile {
  /** Path relative to the project folder, `/` separators. */
  path: string;
  /** The contents. */
  contents: string | Uint8Array;
}

/** What {@link starterProject} returns. */
export interface StarterProject {
  /** Every file to write, in order. */
  files: ProjectFile[];
  /** What the caller should tell the user about files kept as they were. */
  notes: string[];
}

/** The declaration file's name (and so the generated files' name `hello`). */
const DECLARATIONS = "hello.d.ts";

/** How `dev` regenerates the bindings, with the hostbind the project installed. */
const GENERATE = "hostbind generate hello.d.ts --out-dir gen --lib ../build/libhello";

/**
 * The `dev` script of `package.json`: `npm run dev` runs the host on Node
 * (node:ffi: 26.9 or newer, or 26.1–26.8 with `--experimental-ffi`, which
 * run.mjs adds), `bun run dev` on Bun (which runs `bun` for the
 * `node` of a script it was asked to run with `--bun`: so `dev` names the
 * runtime through `npm_config_user_agent`, which both set).
 */
export const NPM_DEV = `${GENERATE} && node build.mjs && node run.mjs`;

/** The `dev` task of `deno.json`. */
export const DENO_DEV = `deno run -A npm:hostbind ${GENERATE.slice("hostbind ".length)}`
  + " && deno run --allow-read --allow-write --allow-run --allow-env build.mjs"
  + " && deno run --allow-read --allow-ffi main.ts";

/** The files `init` edits when they exist (adding a `dev` script); every other file it only creates. */
export const EDITED_FILES: ReadonlySet<string> = new Set(["package.json", "deno.json"]);

/**
 * The starter project's files. `existing` gives the text of a file already
 * in the folder (`undefined` when absent); only `package.json`, `deno.json`
 * and `.gitignore` are looked at. The caller refuses to run when any other
 * file returned exists ({@link EDITED_FILES} are the ones it may replace).
 */
export function starterProject(existing: Readonly<Record<string, string | undefined>>): StarterProject {
  const declarations = readTemplate("init-hello.d.ts.tmpl");
  const generated = generate(declarations, { file: DECLARATIONS, lib: "../build/libhello" });
  const files: ProjectFile[] = [
    { path: DECLARATIONS, contents: declarations },
    { path: "hello.c", contents: readTemplate("init-hello.c.tmpl") },
    { path: "guest.wat", contents: readTemplate("init-guest.wat.tmpl") },
    { path: "guest.wasm", contents: GUEST_WASM },
    { path: "main.ts", contents: readTemplate("init-main.ts.tmpl") },
    { path: "build.mjs", contents: readTemplate("init-build.mjs.tmpl") },
    { path: "run.mjs", contents: readTemplate("init-run.mjs.tmpl") },
    ...generated.map((f) => ({ path: `gen/${f.path}`, contents: f.contents })),
  ];
  const notes: string[] = [];
  const npm = withScript(existing["package.json"], "package.json", "scripts", NPM_DEV, (scripts) => ({
    name: "hello-hostbind",
    private: true,
    type: "module",
    scripts,
    // @types/node: main.ts reads the guest with node:fs, which Deno, Bun and Node all have.
    devDependencies: { "@types/node": "^26.0.0", hostbind: `^${VERSION}` },
  }));
  const deno = existing["deno.jsonc"] !== undefined && existing["deno.json"] === undefined
    ? { note: `kept deno.jsonc: add a "tasks" entry "dev": ${JSON.stringify(DENO_DEV)}` }
    : withScript(existing["deno.json"], "deno.json", "tasks", DENO_DEV, (tasks) => ({ nodeModulesDir: "manual", tasks }));
  for (const [file, result] of [["package.json", npm], ["deno.json", deno]] as const) {
    if (typeof result === "string") files.push({ path: file, contents: result });
    else notes.push(result.note);
  }
  if (existing[".gitignore"] === undefined) files.push({ path: ".gitignore", contents: "build/\nnode_modules/\n" });
  return { files, notes };
}

/**
 * `file`'s text with `section.dev` set to `command`: a new file made by
 * `fresh` (given the section) when there is none, the existing one with the script added when
 * it has no `dev`; otherwise a note saying why it was left alone.
 */
function withScript(
  text: string | undefined,
  file: string,
  section: "scripts" | "tasks",
  command: string,
  fresh: (section: { dev: string }) => Record<string, unknown>,
): string | { note: string } {
  if (text === undefined) return json(fresh({ dev: command }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new HostbindError(`\`${file}\` is not valid JSON (${e instanceof Error ? e.message : String(e)})`, {
      hint: `Fix it, or run \`hostbind init\` in another folder; init adds a "${section}.dev" entry to it.`,
    });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new HostbindError(`\`${file}\` does not hold a JSON object`, { hint: `Fix it, or run \`hostbind init\` in another folder.` });
  }
  const object = parsed as Record<string, unknown>;
  const scripts = object[section];
  if (scripts !== undefined && (scripts === null || typeof scripts !== "object" || Array.isArray(scripts))) {
    return { note: `kept ${file}: its "${section}" is not an object; add "dev": ${JSON.stringify(command)}` };
  }
  if (scripts !== undefined && "dev" in scripts) {
    return { note: `kept ${file}: it has a "${section}.dev" already; hostbind's is ${JSON.stringify(command)}` };
  }
  return json({ ...object, [section]: { ...(scripts as object | undefined), dev: command } });
}

/** JSON as npm and Deno write it: two-space indent, a final line break. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
