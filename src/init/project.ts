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
import { generate } from "../generate.ts";
import { readTemplate } from "../emit/ts/template.ts";
import { VERSION } from "../cli/version.ts";
import { addMember } from "../json/edit.ts";
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
  /** What the caller should tell the user about files kept or edited. */
  notes: string[];
  /** The existing files that were edited (not created), each with what was added. */
  edited: { path: string; added: string[] }[];
  /** The commands that run the project: `npm run …`, `deno task …` (the script name may not be `dev`). */
  run: { npm: string; deno: string };
}

/** Options of {@link starterProject}. */
export interface StarterOptions {
  /**
   * The `hostbind` dependency written into `package.json` when it has none:
   * a version range from the registry, or a `file:` path to the package or
   * checkout `init` runs from (what works before hostbind is published).
   * @default `^VERSION`
   */
  hostbind?: string;
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
export const EDITED_FILES: ReadonlySet<string> = new Set(["package.json", "deno.json", "deno.jsonc"]);

/**
 * The starter project's files. `existing` gives the text of a file already
 * in the folder (`undefined` when absent); only `package.json`, `deno.json`
 * and `.gitignore` are looked at. The caller refuses to run when any other
 * file returned exists ({@link EDITED_FILES} are the ones it may replace).
 */
export function starterProject(existing: Readonly<Record<string, string | undefined>>, options: StarterOptions = {}): StarterProject {
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
  const edited: StarterProject["edited"] = [];
  const hostbind = options.hostbind ?? `^${VERSION}`;
  const npm = existing["package.json"] === undefined
    ? {
      text: json({
        name: "hello-hostbind",
        private: true,
        type: "module",
        scripts: { dev: NPM_DEV },
        // @types/node: main.ts reads the guest with node:fs, which Deno, Bun and Node all have.
        devDependencies: { "@types/node": "^26.0.0", hostbind },
      }),
      script: "dev",
    }
    : editPackageJson(existing["package.json"], hostbind, notes, edited);
  const deno = existing["deno.jsonc"] !== undefined && existing["deno.json"] === undefined
    ? editDenoJson(existing["deno.jsonc"], "deno.jsonc", notes, edited)
    : existing["deno.json"] === undefined
    ? { text: json({ nodeModulesDir: "manual", tasks: { dev: DENO_DEV } }), script: "dev" }
    : editDenoJson(existing["deno.json"], "deno.json", notes, edited);
  if (npm.text !== undefined) files.push({ path: "package.json", contents: npm.text });
  if (deno.text !== undefined) {
    files.push({ path: existing["deno.jsonc"] !== undefined && existing["deno.json"] === undefined ? "deno.jsonc" : "deno.json", contents: deno.text });
  }
  if (existing[".gitignore"] === undefined) files.push({ path: ".gitignore", contents: "build/\nnode_modules/\n" });
  return {
    files,
    notes,
    edited,
    run: { npm: npm.script === undefined ? "" : `run ${npm.script}`, deno: deno.script === undefined ? "" : `task ${deno.script}` },
  };
}

/** The script names init uses: `dev`, or `hostbind:dev` when the project has a `dev` of its own. */
const SCRIPT_NAMES = ["dev", "hostbind:dev"] as const;

/** An edited file's new text (`undefined`: unchanged) and the name of the script that runs the project there. */
interface Edit {
  text: string | undefined;
  script: string | undefined;
}

/**
 * An existing `package.json` with what the starter project needs added, byte
 * for byte otherwise: the script (`dev`, or `hostbind:dev` beside the
 * project's own `dev`), `"type": "module"` (Node runs main.ts as an ES
 * module), `@types/node` (`deno check` and tsc need it) and `hostbind`.
 */
function editPackageJson(text: string, hostbind: string, notes: string[], edited: StarterProject["edited"]): Edit {
  const file = "package.json";
  const added: string[] = [];
  let current = text;
  const add = (path: string[], value: string, label: string): boolean => {
    const r = addMember(current, file, path, value);
    if (r.status === "added") {
      current = r.text;
      added.push(label);
      return true;
    }
    if (r.status === "blocked") notes.push(`kept ${file}: its ${r.what} is not an object; add ${JSON.stringify(path.join("."))}: ${JSON.stringify(value)}`);
    return false;
  };
  const script = addScript(current, file, "scripts", NPM_DEV, notes, (name) => add(["scripts", name], NPM_DEV, `"scripts.${name}"`));
  const type = addMember(current, file, ["type"], "module");
  if (type.status === "added") {
    current = type.text;
    added.push('"type": "module"');
  } else if (type.status === "exists" && !(type.value.kind === "string" && type.value.value === "module")) {
    notes.push(`${file} has "type" other than "module": Node runs main.ts as CommonJS and fails on its imports; set "type": "module"`);
  }
  for (const [dep, spec] of [["@types/node", "^26.0.0"], ["hostbind", hostbind]] as const) {
    if (!hasDependency(current, dep)) add(["devDependencies", dep], spec, `devDependencies "${dep}": ${JSON.stringify(spec)}`);
  }
  if (added.length > 0) edited.push({ path: file, added });
  return { text: current === text ? undefined : current, script };
}

/** An existing `deno.json` or `deno.jsonc` (JSONC: comments kept) with the task added. */
function editDenoJson(text: string, file: string, notes: string[], edited: StarterProject["edited"]): Edit {
  let current = text;
  const script = addScript(current, file, "tasks", DENO_DEV, notes, (name) => {
    const r = addMember(current, file, ["tasks", name], DENO_DEV, true);
    if (r.status === "added") current = r.text;
    else if (r.status === "blocked") notes.push(`kept ${file}: its ${r.what} is not an object; add "tasks.${name}": ${JSON.stringify(DENO_DEV)}`);
    return r.status === "added";
  });
  if (script !== undefined && current !== text) edited.push({ path: file, added: [`"tasks.${script}"`] });
  return { text: current === text ? undefined : current, script };
}

/**
 * Adds the script under the first free name of {@link SCRIPT_NAMES} (`add`
 * returns whether it did); an existing entry with hostbind's very command is
 * used as it is. Returns the name, or `undefined` (with a note) when none.
 */
function addScript(
  text: string,
  file: string,
  section: "scripts" | "tasks",
  command: string,
  notes: string[],
  add: (name: string) => boolean,
): string | undefined {
  for (const name of SCRIPT_NAMES) {
    const r = addMember(text, file, [section, name], command, file !== "package.json");
    if (r.status === "exists" && r.value.kind === "string" && r.value.value === command) return name;
    if (r.status === "blocked") return add(name) ? name : undefined;
    if (r.status === "added") return add(name) ? name : undefined;
  }
  notes.push(`kept ${file}: "${section}.dev" and "${section}.hostbind:dev" are taken; hostbind's command is ${JSON.stringify(command)}`);
  return undefined;
}

/** True when `package.json` lists `name` in its dependencies or devDependencies. */
function hasDependency(text: string, name: string): boolean {
  return ["dependencies", "devDependencies"].some((section) => addMember(text, "package.json", [section, name], "").status === "exists");
}

/** JSON as npm and Deno write it: two-space indent, a final line break. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
