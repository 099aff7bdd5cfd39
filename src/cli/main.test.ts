import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { generate } from "../generate.ts";
import { wat } from "../../test/support/wat.ts";
import { runMain } from "../../test/support/cli_main.ts";
import { nodeIO } from "./io.ts";
import { VERSION } from "./version.ts";
import { tempDir } from "../../test/support/tmp.ts";

const DECLS = `import type { f64, i32 } from "hostbind/types";

export declare namespace env {
  /** Integer division. */
  function divmod(a: i32, b: i32): [quot: i32, rem: i32];
  function now(): f64;
}
`;

let dir: string;
let input: string;
beforeEach(() => {
  dir = tempDir("main");
  input = join(dir, "divmod.d.ts");
  writeFileSync(input, DECLS);
});

/** Asserts the two-line usage error shape and returns the first line. */
function usageError(argv: string[], helpFor: string): string {
  const r = runMain(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[1]).toBe(`  help: run \`${helpFor} --help\` for usage`);
  return lines[0]!;
}

describe("help and version", () => {
  test("--version matches package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
    expect(runMain(["--version"])).toEqual({ code: 0, stdout: `hostbind ${pkg.version}\n`, stderr: "" });
  });

  const helps: [string[], string][] = [
    [["--help"], "Commands:"],
    [["-h"], "Commands:"],
    [["help"], "Commands:"],
    [["help", "generate"], "Usage: hostbind generate"],
    [["generate", "--help"], "Usage: hostbind generate"],
    [["generate", "x.d.ts", "--bogus", "-h"], "Usage: hostbind generate"],
    [["explain", "-h"], "Usage: hostbind explain"],
  ];
  for (const [argv, want] of helps) {
    test(`hostbind ${argv.join(" ")}`, () => {
      const r = runMain(argv);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain(want);
    });
  }

  test("the explain help lists every target", () => {
    expect(runMain(["explain", "--help"]).stdout).toContain("aarch64-windows,\n                       i686-linux");
  });
});

describe("usage errors exit 2 with a hint to --help", () => {
  test("no command", () => expect(usageError([], "hostbind")).toBe("error: missing command; expected one of init, generate, explain, declare"));
  test("unknown command", () => expect(usageError(["gen"], "hostbind")).toContain("unknown command `gen`; expected one of init, generate, explain, declare"));
  test("a command with a typo", () => expect(usageError(["genrate", "a.d.ts"], "hostbind")).toBe("error: unknown command `genrate`; did you mean `generate`?"));
  test("help for a command with a typo", () => expect(usageError(["help", "explian"], "hostbind")).toContain("did you mean `explain`?"));
  test("a flag with a typo", () => expect(usageError(["generate", "a.d.ts", "--out-dri", "x"], "hostbind generate")).toBe("error: unknown option `--out-dri`; did you mean `--out-dir`?"));
  test("unknown top-level flag", () => expect(usageError(["--bogus"], "hostbind")).toContain("`--bogus`"));
  test("help for an unknown command", () => expect(usageError(["help", "x"], "hostbind")).toContain("`x`"));
  test("unknown flag", () => expect(usageError(["generate", "a.d.ts", "-o", "x", "--fast"], "hostbind generate")).toContain("`--fast`"));
  test("missing INPUT", () => expect(usageError(["generate", "-o", "x"], "hostbind generate")).toContain("missing INPUT"));
  test("two INPUTs", () => expect(usageError(["explain", "a", "b"], "hostbind explain")).toContain("expected one INPUT, got 2"));
  test("missing --out-dir", () => expect(usageError(["generate", "a.d.ts"], "hostbind generate")).toContain("--out-dir DIR"));
  test("unknown output kind", () => expect(usageError(["generate", "a", "-o", "x", "--targets", "c,zig"], "hostbind generate")).toContain("`zig` in `--targets`; expected c, deno, bun, node, rust"));
  test("output kind with a typo", () => expect(usageError(["generate", "a", "-o", "x", "--targets", "c,deon"], "hostbind generate")).toContain("`deon` in `--targets`; did you mean `deno`?"));
  test("empty --targets", () => expect(usageError(["generate", "a", "-o", "x", "--targets", ","], "hostbind generate")).toContain("at least one"));
  test("unknown layout target", () => expect(usageError(["explain", "a", "--target", "riscv"], "hostbind explain")).toContain("`riscv`"));
});

describe("user errors exit 1 without a stack trace", () => {
  test("missing input file names the path", () => {
    const r = runMain(["generate", join(dir, "nope.d.ts"), "-o", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: Cannot read input file \`${dir}/nope.d.ts\`: no such file or directory\n` +
        "  help: Check the path; it is relative to the current directory.\n",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("an input that is a directory", () => {
    const r = runMain(["explain", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("it is a directory");
  });

  test("input that is not UTF-8", () => {
    writeFileSync(input, new Uint8Array([0x66, 0xff, 0xfe]));
    const r = runMain(["explain", input]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is not valid UTF-8 text");
  });

  test("a declaration error is located in the file as typed", () => {
    writeFileSync(input, "export declare namespace env {\n  function f(s: boolean): i32;\n}\n");
    const r = runMain(["generate", input, "-o", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${input.replace(/[.]/g, "\\.")}:2:\\d+: error: .*boolean`));
    expect(r.stderr).toContain("  help: ");
    expect(r.stderr).not.toMatch(/^ {4}at /m);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("an output directory under a regular file", () => {
    const r = runMain(["generate", input, "-o", join(input, "sub"), "--targets", "c"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot create output directory .*is not a directory\n {2}help: /);
  });
});

describe("generate", () => {
  test("writes what the library generates, then reports unchanged files", () => {
    const out = join(dir, "gen");
    const r = runMain(["generate", input, "--out-dir", out, "--targets", "c", "--lib", "./libdivmod"]);
    expect(r).toEqual({ code: 0, stdout: `wrote ${out}/divmod.h\n`, stderr: "" });
    const [want] = generate(DECLS, { file: input, targets: ["c"], lib: "./libdivmod" });
    expect(readFileSync(join(out, "divmod.h"), "utf8")).toBe(want!.contents);
    expect(runMain(["generate", input, "-o", out, "--targets=c", "--lib=./libdivmod"]).stdout).toBe(
      `unchanged ${out}/divmod.h\n`,
    );
    expect(readdirSync(out)).toEqual(["divmod.h"]);
  });

  test("--name renames the outputs; a bad name is an error and writes nothing", () => {
    const out = join(dir, "gen");
    expect(runMain(["generate", input, "-o", out, "--targets", "c", "--name", "dm"]).stdout).toBe(`wrote ${out}/dm.h\n`);
    const r = runMain(["generate", input, "-o", join(dir, "other"), "--name", "a/b"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Invalid output name `a\/b`/);
    expect(existsSync(join(dir, "other"))).toBe(false);
  });
});

describe("explain", () => {
  test("text names every import with its prototype", () => {
    const r = runMain(["explain", input, "--target", "x86_64-linux"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe(`${input}: 2 imports, target x86_64-linux`);
    expect(r.stdout).toContain("  C     void env_divmod(env_divmod_result *out, hostbind_ctx *ctx, int32_t a, int32_t b);\n");
    expect(r.stdout).toContain("    |quot...|rem....|\n");
  });

  test("--json is the layout as data", () => {
    const r = runMain(["explain", input, "--json", "--target=i686-linux"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.target.name).toBe("i686-linux");
    expect(doc.imports.map((i: { symbol: string }) => i.symbol)).toEqual(["env_divmod", "env_now"]);
    expect(doc.imports[0].result.size).toBe(8);
  });
});

test("an unexpected exception is reported as a bug with its stack, exit 70", () => {
  const fs = { ...nodeIO().fs, kind: () => { throw new TypeError("boom"); } };
  const r = runMain(["explain", input], fs);
  expect(r.code).toBe(70);
  expect(r.stderr).toMatch(/^internal error \(a bug in hostbind\): TypeError: boom\n {4}at /);
});

describe("declare", () => {
  const GUEST = wat(`(module
    (import "env" "memory" (memory 1))
    (import "env" "divmod" (func (param i32 i32) (result i32 i32))))`);
  let wasm: string;
  beforeEach(() => {
    wasm = join(dir, "guest.wasm");
    writeFileSync(wasm, GUEST);
  });

  test("prints declarations that generate accepts, and warns about the memory import", () => {
    const r = runMain(["declare", wasm]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("function divmod(p0: i32, p1: i32): [i32, i32];");
    expect(r.stderr).toBe(
      `warning: ${wasm} also imports 1 thing hostbind does not serve (1 memory): memory "env" "memory"; `
        + "the host application provides them (each is listed in the file's comment)\n",
    );
    const decl = join(dir, "guest.d.ts");
    expect(runMain(["declare", wasm, "--out", decl]).stdout).toBe(`wrote ${decl}\n`);
    expect(readFileSync(decl, "utf8")).toBe(r.stdout);
    // `-o` is `--out` here, as it is `--out-dir` for generate.
    const short = join(dir, "short.d.ts");
    expect(runMain(["declare", wasm, "-o", short]).stdout).toBe(`wrote ${short}\n`);
    expect(readFileSync(short, "utf8")).toBe(r.stdout);
    expect(runMain(["generate", decl, "-o", join(dir, "gen"), "--targets", "c"]).code).toBe(0);
  });

  test("never replaces an existing file without --force", () => {
    const decl = join(dir, "guest.d.ts");
    writeFileSync(decl, "// my edits\n");
    const r = runMain(["declare", wasm, "--out", decl]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: \`${decl}\` already exists; not replacing it\n` +
        "  help: It may hold your edits: choose another --out, or pass --force to replace it.\n",
    );
    expect(readFileSync(decl, "utf8")).toBe("// my edits\n");
    expect(runMain(["declare", wasm, "--out", decl, "--force"]).code).toBe(0);
    expect(readFileSync(decl, "utf8")).toContain("function divmod");
  });

  test("rejects declaration input and misuse of its options", () => {
    const r = runMain(["declare", input]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: `hostbind declare` reads a compiled module/);
    expect(usageError(["declare", wasm, "--force"], "hostbind declare")).toContain("`--force` needs `--out FILE`");
    expect(usageError(["declare", wasm, "--out", "dir/"], "hostbind declare")).toContain("needs a file name");
  });
});

describe("guests from real toolchains", () => {
  // A wasm-bindgen-style guest that also imports WASI: only `wbg` is the native library's.
  const GUEST = wat(`(module
    (import "wbg" "__wbindgen_throw" (func (param i32 i32)))
    (import "wbg" "console.log" (func (param i32)))
    (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
    (import "env" "memory" (memory 1)))`);
  let wasm: string;
  beforeEach(() => {
    wasm = join(dir, "guest.wasm");
    writeFileSync(wasm, GUEST);
  });

  test("generate from .wasm: reserved-looking symbols are a warning, --symbol-prefix and --exclude-module shape the output", () => {
    const out = join(dir, "gen");
    const r = runMain(["generate", wasm, "-o", out, "--targets", "c", "--exclude-module", "wasi_snapshot_preview1"]);
    expect(r.stderr).toContain("warning: 1 C symbol(s) use names C reserves for the implementation (a leading `_` or `__`): `wbg___wbindgen_throw`.");
    expect(r.code).toBe(0);
    const header = readFileSync(join(out, "guest.h"), "utf8");
    expect(header).toContain("void wbg___wbindgen_throw(hostbind_ctx *ctx, int32_t p0, int32_t p1);");
    expect(header).toContain("void wbg_console_log(hostbind_ctx *ctx, int32_t p0);");
    expect(header).not.toContain("fd_write");
    const p = runMain(["generate", wasm, "-o", join(dir, "p"), "--targets", "c", "--symbol-prefix", "hb_", "--exclude-module", "wasi_snapshot_preview1", "--exclude-module", "wbg"]);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain("error: Nothing for hostbind to serve: every function import of");
    const q = runMain(["generate", wasm, "-o", join(dir, "q"), "--targets", "c", "--symbol-prefix", "hb_", "--exclude-module=wasi_snapshot_preview1"]);
    expect(q.code).toBe(0);
    expect(q.stderr).toContain("`hb_wbg___wbindgen_throw`");
    expect(readFileSync(join(dir, "q", "guest.h"), "utf8")).toContain("void hb_wbg___wbindgen_throw(");
  });

  test("declare --exclude-module and the --module cross-check leave the host's modules alone", () => {
    const decl = join(dir, "guest.d.ts");
    const d = runMain(["declare", wasm, "--out", decl, "--exclude-module", "wasi_snapshot_preview1"]);
    expect(d.code).toBe(0);
    const text = readFileSync(decl, "utf8");
    expect(text).toContain('//   module "wasi_snapshot_preview1"');
    expect(text).toContain("  /** @name console.log */\n  function console_log(p0: i32): void;");
    expect(text).not.toContain("fd_write");
    // Without the exclusion, the guest's WASI imports would be undeclared: an error.
    const missing = runMain(["generate", decl, "-o", join(dir, "m"), "--module", wasm]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("wasi_snapshot_preview1");
    const ok = runMain(["generate", decl, "-o", join(dir, "m"), "--module", wasm, "--exclude-module", "wasi_snapshot_preview1"]);
    expect(ok.stderr).not.toContain("error");
    expect(ok.code).toBe(0);
  });

  test("the configuration takes symbolPrefix and excludeModules", () => {
    writeFileSync(join(dir, "hostbind.config.json"), JSON.stringify({ input: "guest.wasm", outDir: "gen", targets: ["c"], symbolPrefix: "x_", excludeModules: ["wasi_snapshot_preview1"] }));
    const r = runMain(["generate", "--config", join(dir, "hostbind.config.json")]);
    expect(r.stderr).toContain(`warning: ${join(dir, "guest.wasm")} also imports 1 thing hostbind does not serve (1 memory): memory "env" "memory"\n`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "gen", "guest.h"), "utf8")).toContain("void x_wbg_console_log(");
  });
});

describe("file-system failures are user errors", () => {
  test("a symlink loop as input or output, a name too long: exit 1 with the path; --out-dir creates parents like mkdir -p", () => {
    symlinkSync("loop", join(dir, "loop"));
    for (const argv of [["generate", join(dir, "loop"), "-o", join(dir, "out")], ["generate", input, "-o", join(dir, "loop", "x")]]) {
      const r = runMain(argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: Cannot access `[^`]*loop[^`]*`: too many levels of symbolic links\n  help: /);
    }
    const long = runMain(["generate", input, "-o", join(dir, "out"), "--name", "n".repeat(300)]);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain(": the name is too long");
    const nested = runMain(["generate", input, "-o", join(dir, "nx", "..", "o6"), "--targets", "c"]);
    expect(nested.stderr).toBe("");
    expect(nested.code).toBe(0);
    expect(existsSync(join(dir, "o6", "divmod.h"))).toBe(true);
  });
});

describe("terminal safety", () => {
  test("control characters in names never reach the terminal raw: errors, warnings and explain", () => {
    const evil = wat(`(module
      (import "env" "a\\1b]0;pwned\\07b" (func (param i32)))
      (import "env" "mem\\1b[2J" (memory 1))
      (import "env" "v\\c2\\9b" (func (param i32)))
      (import "env" "v\\c2\\9b" (func (param i64))))`);
    const wasm = join(dir, "evil.wasm");
    writeFileSync(wasm, evil);
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    const failed = runMain(["generate", wasm, "-o", join(dir, "gen")]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("\\x9b");
    const declared = runMain(["declare", wasm]);
    for (const r of [failed, declared]) {
      expect(r.stdout).not.toMatch(raw);
      expect(r.stderr).not.toMatch(raw);
    }
    const ok = wat(`(module (import "env" "a\\1b]0;pwned\\07b" (func (param i32))) (import "env" "mem\\1b[2J" (memory 1)))`);
    writeFileSync(wasm, ok);
    const explained = runMain(["explain", wasm]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).not.toMatch(raw);
    expect(explained.stderr).toContain('"mem\\1b[2J"');
    expect(explained.stdout).toContain("env.a\\x1b]0;pwned\\x07b");
    expect(explained.stderr).not.toMatch(raw);
  });
});

describe("start-up", () => {
  /** Every module `file` reaches through static, non-type imports (relative paths and packages). */
  function staticGraph(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    if (!file.startsWith("/")) return seen; // a package
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)";/gms)) {
      const spec = m[1]!;
      staticGraph(spec.startsWith(".") ? join(file, "..", spec) : spec, seen);
    }
    return seen;
  }

  test("help, --version and usage errors load no part of the pipeline: the runners are imported lazily", () => {
    const entry = join(import.meta.dirname, "..", "cli.ts");
    const graph = [...staticGraph(entry)];
    expect(graph.filter((m) => !m.startsWith("/")).sort()).toEqual(["node:fs", "node:process"]);
    expect(graph.some((m) => m.endsWith("/cli/commands.ts"))).toBe(false);
    expect(readFileSync(entry, "utf8")).toContain('import("./cli/commands.ts")');
    // The runners do reach the compiler: the check above would catch a static import of them.
    expect([...staticGraph(join(import.meta.dirname, "commands.ts"))]).toContain("ts-morph");
  });
});
