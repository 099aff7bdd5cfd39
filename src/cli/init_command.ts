/**
 * `hostbind init [DIR]`: a working starter project in DIR (default: the
 * current folder) — see `../init/project.ts` for its files. It never
 * replaces a file: when one it would create exists it stops before writing
 * anything; an existing `package.json` or `deno.json` gets a `dev` script
 * added (or is left alone, with a note, when it has one).
 *
 * @example
 * ```ts
 * import { runInit } from "./init_command.ts";
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runInit(parseArgs(["my-project"], COMMAND_SPECS.init, "init"), nodeIO()); // 0
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { EDITED_FILES, starterProject } from "../init/project.ts";
import { type ParsedArgs, UsageError } from "./args.ts";
import { joinPath } from "./common.ts";
import { type CliFs, describeFsError, type CliIO } from "./io.ts";
import { writeOutputs } from "./write.ts";
import { PUBLISHED, VERSION } from "./version.ts";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs `init` with its parsed arguments; returns the exit code.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * import { COMMAND_SPECS } from "./help.ts";
 * import { nodeIO } from "./io.ts";
 * runInit(parseArgs([], COMMAND_SPECS.init, "init"), nodeIO()); // 0 in an empty folder
 * ```
 */
export function runInit(args: ParsedArgs, io: CliIO): number {
  if (args.positionals.length > 1) {
    throw new UsageError(`expected at most one DIR, got ${args.positionals.length}: ${args.positionals.join(" ")}`, "init");
  }
  const dir = args.positionals[0] ?? ".";
  const kind = io.fs.kind(dir);
  if (kind !== "dir" && kind !== "missing") {
    throw new HostbindError(`\`${dir}\` is not a folder`, { hint: "Pass a folder to create the project in, e.g. `hostbind init hello`." });
  }
  const existing: Record<string, string | undefined> = {};
  for (const name of ["package.json", "deno.json", "deno.jsonc", ".gitignore"]) existing[name] = readText(io.fs, joinPath(dir, name));
  const project = starterProject(existing, { hostbind: hostbindSpec(io.fs, dir) });

  const taken = project.files.filter((f) => !EDITED_FILES.has(f.path) && io.fs.kind(joinPath(dir, f.path)) !== "missing");
  if (taken.length > 0) {
    throw new HostbindError(`\`${dir}\` already has ${taken.map((f) => `\`${f.path}\``).join(", ")}; hostbind init replaces no file`, {
      hint: "Run it in a new or empty folder, e.g. `hostbind init hello`, or move those files away.",
    });
  }
  const inGen = project.files.filter((f) => f.path.startsWith("gen/")).map((f) => ({ ...f, path: f.path.slice("gen/".length) }));
  const rest = project.files.filter((f) => !f.path.startsWith("gen/"));
  const edits = new Map(project.edited.map((e) => [joinPath(dir, e.path), e.added]));
  for (const r of [...writeOutputs(io.fs, dir, rest), ...writeOutputs(io.fs, joinPath(dir, "gen"), inGen)]) {
    const added = edits.get(r.path);
    io.stdout(added !== undefined ? `added ${added.join(", ")} to ${r.path}\n` : `${r.status === "written" ? "wrote" : "unchanged"} ${r.path}\n`);
  }
  for (const note of project.notes) io.stderr(`note: ${note}\n`);
  const spec = hostbindSpec(io.fs, dir);
  if (spec.startsWith("file:") && io.fs.kind(join(spec.slice("file:".length), "dist/cli.js")) !== "file") {
    io.stderr(`note: hostbind comes from ${spec.slice("file:".length)} (not on the npm registry yet): run \`npm run build\` there once, so its \`hostbind\` command works\n`);
  }
  const install = io.fs.kind(joinPath(dir, "node_modules/hostbind")) === "missing"
    ? ["  npm install          # hostbind itself (and @types/node), into node_modules"]
    : [];
  const { npm, deno } = project.run;
  const pad = (command: string) => command.padEnd(20);
  io.stdout([
    "",
    `Next${dir === "." ? "" : `, in ${dir}`}:`,
    ...install,
    ...(npm === "" ? [] : [
      `  ${pad(`npm ${npm}`)} # regenerate gen/, build the library with cc, run main.ts on Node 26`,
      `  ${pad(`bun ${npm}`)} # the same, running main.ts on Bun`,
    ]),
    ...(deno === "" ? [] : [`  ${pad(`deno ${deno}`)} # the same, running main.ts on Deno`]),
    `Then edit hello.d.ts and hello.c, and run ${npm === "" ? deno === "" ? "the commands in the notes above" : `deno ${deno}` : `npm ${npm}`} again.`,
    "",
  ].join("\n"));
  return 0;
}

/**
 * The `hostbind` dependency for a new project in `dir`: the registry's
 * version range once hostbind is published there ({@link PUBLISHED}); until
 * then a `file:` path to the package or checkout this command runs from —
 * unless that is inside `dir` (installed there already: the range it got).
 */
function hostbindSpec(fs: CliFs, dir: string): string {
  if (PUBLISHED) return `^${VERSION}`;
  // This file is src/cli/init_command.ts in a checkout, dist/cli/init_command.js in the package.
  const root = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");
  if (fs.kind(join(root, "package.json")) !== "file") return `^${VERSION}`;
  const inside = relative(resolve(dir), root);
  if (!inside.startsWith("..") && !isAbsolute(inside)) return `^${VERSION}`;
  return `file:${root.replace(/\\/g, "/")}`;
}

/** A file's text, or `undefined` when there is no file. */
function readText(fs: CliFs, path: string): string | undefined {
  if (fs.kind(path) !== "file") return undefined;
  try {
    return new TextDecoder().decode(fs.readFile(path));
  } catch (e) {
    throw new HostbindError(`Cannot read \`${path}\`: ${describeFsError(e)}`);
  }
}
