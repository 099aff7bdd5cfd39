/**
 * `npm run demo`: hostbind end to end on the c-divmod example, step by step.
 * Generates the bindings with the CLI, shows the C prototypes the library
 * implements, compiles the library and the guest, then runs the same
 * main.ts under Deno and under Bun (both from node_modules/.bin).
 *
 * Exits 1 with a clear message when a step fails.
 *
 * @example
 * ```sh
 * npm run demo            # or: deno run -A scripts/demo.ts
 * ```
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import {
  BuildError,
  buildGuest,
  buildNative,
  exampleDir,
  findExample,
  generateBindings,
  libFileName,
  runExample,
} from "../examples/build.ts";

const spec = findExample("c-divmod");
const dir = exampleDir(spec.name);
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const indent = (text: string, prefix = "    ") =>
  text.trimEnd().split("\n").map((l) => (l === "" ? "" : prefix + l)).join("\n");
const log = (line: string) => console.log(indent(line));
let step = 0;
const heading = (text: string) => console.log(`\n${bold(`${++step}. ${text}`)}`);

/** The function declarations of a .d.ts file, one per line, each prefixed with its namespace. */
function declaredFunctions(source: string): string {
  let namespace = "";
  const out: string[] = [];
  for (const line of source.split("\n")) {
    namespace = /^\s*export declare namespace (\w+)/.exec(line)?.[1] ?? namespace;
    const fn = /^\s*function (.*)$/.exec(line)?.[1];
    if (fn) out.push(`${namespace}.${fn}`);
  }
  return out.join("\n");
}

/** Line count of a generated file, for display. */
const lineCount = (path: string) => `${readFileSync(path, "utf8").split("\n").length - 1} lines`.padStart(10);

/**
 * The result structs (folded onto one line each) and function prototypes of
 * a generated header, in order: what the native library must implement.
 */
function nativeApi(header: string): string[] {
  const out: string[] = [];
  const lines = header.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^typedef struct \w+_result \{$/.test(line)) {
      const fields: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith("}")) fields.push(lines[++i]!.trim());
      out.push(`${line} ${fields.join(" ")} ${lines[++i] ?? ""}`);
    } else if (/^[a-z][\w ]*[\w*] ?\w+\(.*\);$/.test(line)) {
      out.push(line);
    }
  }
  return out;
}

function run(runtime: "deno" | "bun" | "node"): void {
  const command = runtime === "deno"
    ? "deno run --allow-read --allow-ffi main.ts"
    : runtime === "bun"
    ? "bun main.ts"
    : "node --disable-warning=ExperimentalWarning main.ts   (Node 26)";
  console.log(indent(`$ ${command}   (in examples/${spec.name})`));
  const r = runExample(spec.name, runtime);
  if (r.stdout) console.log(indent(r.stdout, "    │ "));
  if (r.error || r.status !== 0) {
    throw new BuildError(`main.ts failed under ${runtime} (exit ${r.status ?? r.error?.message}):\n${r.stderr.trimEnd()}`);
  }
}

try {
  console.log(bold("hostbind demo: a C library serving a WebAssembly module's imports, in Deno, Bun and Node"));

  heading(`The declarations: examples/${spec.name}/${spec.decl}`);
  log(declaredFunctions(readFileSync(join(dir, spec.decl), "utf8")));

  heading("Generate the bindings with the hostbind CLI");
  generateBindings(spec, join(dir, "gen"), log);
  const gen = (ext: string) => join(dir, "gen", spec.bindings + ext);
  log(`gen/${spec.bindings}.h       ${lineCount(gen(".h"))}  the C header the native library implements`);
  log(`gen/${spec.bindings}.deno.ts ${lineCount(gen(".deno.ts"))}  Deno.dlopen bindings, with a wasm call stub for env.divmod`);
  log(`gen/${spec.bindings}.bun.ts  ${lineCount(gen(".bun.ts"))}  bun:ffi bindings, the same API`);
  log(`gen/${spec.bindings}.node.ts ${lineCount(gen(".node.ts"))}  node:ffi bindings (Node 26), through the header's call shims`);
  log(`gen/${spec.bindings}.ts      ${lineCount(gen(".ts"))}  what main.ts imports: loads the runtime's bindings`);
  log(`\nThe native API the C library implements, from gen/${spec.bindings}.h:`);
  log(indent(nativeApi(readFileSync(gen(".h"), "utf8")).join("\n"), "  "));

  heading(`Compile the C library (${spec.native?.source}) and the guest (${spec.guest})`);
  buildNative(spec, log);
  buildGuest(spec, log);
  log(`made build/${libFileName(spec.native?.lib ?? "")} and build/guest.wasm`);

  heading("Run main.ts under Deno");
  run("deno");

  heading("Run the same main.ts under Bun");
  run("bun");

  heading("And under Node 26 (node:ffi)");
  run("node");

  console.log(`\n${bold("Done.")} The same C library served the guest's imports in all three runtimes.`);
  console.log(`More examples: examples/README.md`);
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`\ndemo failed: ${e.message}`);
  process.exit(1);
}
