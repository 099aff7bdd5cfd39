/**
 * Compiling and running C and C++ in tests with the machine's `cc` / `c++`
 * (gcc 12 here). Every call returns what happened — exit status, stderr, the
 * exact command — instead of throwing, so a test can assert on a failure and
 * print the compiler's own words when something does not build.
 *
 * @example
 * ```ts
 * import { compile, run, STRICT } from "./cc.ts";
 * import { tempDir, writeFiles } from "./tmp.ts";
 * const dir = tempDir("example");
 * const [src] = writeFiles(dir, { "hello.c": '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' });
 * const exe = compile([src!], { out: `${dir}/hello` });
 * if (!exe.ok) throw new Error(exe.message);
 * run(exe.out).stdout; // "hi\n"
 * ```
 * @module
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tempDir, writeFiles } from "./tmp.ts";

/** The warning set the generated header must pass cleanly (docs/generated-api.md). */
export const STRICT: readonly string[] = ["-Wall", "-Wextra", "-Werror", "-pedantic"];

/** Options of {@link compile}. */
export interface CompileOptions {
  /**
   * `"c"` runs `cc`, `"c++"` runs `c++`.
   * @default "c"
   */
  lang?: "c" | "c++";
  /**
   * The language standard.
   * @default "c11" for C, "c++17" for C++
   */
  std?: string;
  /**
   * What to build: an executable, a shared library (`-shared -fPIC`), an
   * object file (`-c`), or nothing (`-fsyntax-only`).
   * @default "exe"
   */
  kind?: "exe" | "shared" | "object" | "syntax";
  /** Output path; required unless `kind` is `"syntax"`. */
  out?: string;
  /** Include directories (`-I`). @default [] */
  include?: readonly string[];
  /** Further flags, placed after {@link STRICT} and before the sources. @default [] */
  flags?: readonly string[];
  /** Flags placed after the sources (libraries: `-ldl`, `-lm`). @default [] */
  libs?: readonly string[];
  /** Pass {@link STRICT} warnings. @default true */
  strict?: boolean;
}

/** The outcome of {@link compile}. */
export interface CompileResult {
  /** True when the compiler exited 0. */
  ok: boolean;
  /** The output path (`""` for `"syntax"`). */
  out: string;
  /** The command line, for messages. */
  command: string;
  /** The compiler's diagnostics. */
  stderr: string;
  /** A ready-made failure message: the command and the diagnostics. */
  message: string;
}

/** Compiles `sources` (paths) with `cc` or `c++`; never throws for a compile error. */
export function compile(sources: readonly string[], options: CompileOptions = {}): CompileResult {
  const lang = options.lang ?? "c";
  const kind = options.kind ?? "exe";
  const out = kind === "syntax" ? "" : options.out;
  if (out === undefined) throw new Error(`compile: \`out\` is required for kind "${kind}"`);
  const args = [
    `-std=${options.std ?? (lang === "c" ? "c11" : "c++17")}`,
    ...(options.strict === false ? [] : STRICT),
    ...(options.include ?? []).map((d) => `-I${d}`),
    ...KIND_FLAGS[kind],
    ...(options.flags ?? []),
    ...(out === "" ? [] : ["-o", out]),
    ...sources,
    ...(options.libs ?? []),
  ];
  const compiler = lang === "c" ? "cc" : "c++";
  const r = spawnSync(compiler, args, { encoding: "utf8" });
  const command = [compiler, ...args].join(" ");
  const stderr = (r.stderr ?? "") + (r.error ? String(r.error) : "");
  const ok = r.status === 0;
  return { ok, out, command, stderr, message: ok ? "" : `${command}\n${stderr}` };
}

const KIND_FLAGS: Record<NonNullable<CompileOptions["kind"]>, readonly string[]> = {
  exe: [],
  shared: ["-shared", "-fPIC"],
  object: ["-c"],
  syntax: ["-fsyntax-only"],
};

/** The outcome of {@link run}. */
export interface RunResult {
  /** Exit status (`null` when killed by a signal). */
  status: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Runs an executable with `args` and returns its output (30 s limit). */
export function run(exe: string, args: readonly string[] = []): RunResult {
  const r = spawnSync(exe, args, { encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}

let m32Cache: string | null | undefined;

/**
 * Why `cc -m32` cannot build and run a trivial program here, or `null` when
 * it can (on Debian it needs `apt-get install gcc-multilib`). Probed once per
 * process; use it to skip i686 variants with a clear reason.
 */
export function m32Unavailable(): string | null {
  if (m32Cache !== undefined) return m32Cache;
  const dir = tempDir("m32-probe");
  const [src] = writeFiles(dir, { "probe.c": "int main(void) { return sizeof(void *) == 4 ? 0 : 1; }\n" });
  const exe = compile([src!], { flags: ["-m32"], out: join(dir, "probe") });
  if (!exe.ok) {
    m32Cache = `cc -m32 cannot link a trivial program (install gcc-multilib): ${exe.stderr.split("\n")[0]}`;
  } else {
    const r = run(exe.out);
    m32Cache = r.status === 0 ? null : `a cc -m32 program does not run here (status ${r.status}): ${r.stderr}`;
  }
  // Said once per process so a CI log shows why the i686 variants were skipped.
  if (m32Cache !== null) console.warn(`[hostbind tests] skipping -m32 variants: ${m32Cache}`);
  return m32Cache;
}
