/**
 * The CLI through real processes: `deno run -A src/cli.ts`, `bun
 * src/cli.ts` and `node cli.js` of the tsc build must produce
 * byte-identical files, standard output and standard error, and the
 * documented exit codes.
 */
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generate } from "../src/generate.ts";
import { wat } from "./support/wat.ts";
import { cli, type CliRun, type Runtime, snapshot } from "./support/cli.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

/** Every way the CLI ships: the source under Deno and Bun, the tsc build under Node. */
const RUNTIMES: readonly Runtime[] = ["deno", "bun", "node"];

const FIXTURES = ["divmod.d.ts", "mixed.d.ts", "libm.d.ts"];
const GUEST_WAT = `(module
  (import "env" "memory" (memory 1))
  (import "env" "divmod" (func (param i32 i32) (result i32 i32)))
  (import "math-lib" "hypot" (func (param f64 f64) (result f64))))`;

/** One working directory per runtime, each with its own copy of the inputs. */
const dirs: Record<string, string> = {};
beforeAll(() => {
  const guest = wat(GUEST_WAT);
  for (const rt of RUNTIMES) {
    const dir = tempDir(`cli-${rt}`);
    for (const f of FIXTURES) copyFileSync(join(ROOT, "test/fixtures", f), join(dir, f));
    writeFileSync(join(dir, "guest.wasm"), guest);
    dirs[rt] = dir;
  }
});

/** Runs the same arguments under every runtime; asserts identical output and returns it. */
function everywhere(args: string[]): CliRun {
  const [deno, ...others] = RUNTIMES.map((rt) => cli(rt, args, dirs[rt]!));
  others.forEach((r, i) => expect(r, `${RUNTIMES[i + 1]} ${args.join(" ")}`).toEqual(deno));
  return deno!;
}

describe("generate", () => {
  for (const f of [...FIXTURES, "guest.wasm"]) {
    test(`${f}: Deno, Bun and Node write byte-identical files, equal to the library's output`, () => {
      const name = f.replace(/\..*$/, "");
      const r = everywhere(["generate", f, "--out-dir", "gen/" + name, "--lib", `./lib${name}`]);
      expect(r.status, r.stderr).toBe(0);
      const want = generate(
        f.endsWith(".wasm") ? new Uint8Array(readFileSync(join(dirs.deno!, f))) : readFileSync(join(dirs.deno!, f), "utf8"),
        { file: f, lib: `./lib${name}` },
      );
      expect(r.stdout).toBe(want.map((w) => `wrote gen/${name}/${w.path}\n`).join(""));
      for (const rt of RUNTIMES) {
        const out = join(dirs[rt]!, "gen", name);
        expect(readdirSync(out).sort()).toEqual(want.map((w) => w.path).sort());
        for (const w of want) expect(readFileSync(join(out, w.path), "utf8"), `${rt} ${w.path}`).toBe(w.contents);
      }
      if (f.endsWith(".wasm")) expect(r.stderr).toContain('warning: guest.wasm also imports 1 thing hostbind does not serve (1 memory): memory "env" "memory"');
      else expect(r.stderr).toBe("");
    });
  }

  test("a second run rewrites nothing: files and mtimes stay", () => {
    const args = ["generate", "divmod.d.ts", "-o", "again", "--targets", "c,deno"];
    expect(everywhere(args).status).toBe(0);
    const before = RUNTIMES.map((rt) => snapshot(join(dirs[rt]!, "again")));
    const r = everywhere(args);
    expect(r.stdout).toBe("unchanged again/divmod.h\nunchanged again/divmod.deno.ts\nunchanged again/divmod.ts\n");
    expect(RUNTIMES.map((rt) => snapshot(join(dirs[rt]!, "again")))).toEqual(before);
  });
});

describe("configuration, --check and --module", () => {
  test("a config in the current directory: no arguments needed; --check; a cross-check error; same everywhere", () => {
    for (const rt of RUNTIMES) {
      writeFileSync(join(dirs[rt]!, "hostbind.config.json"), JSON.stringify({ input: "divmod.d.ts", outDir: "cfg", lib: "./libdivmod" }));
    }
    try {
      expect(everywhere(["generate", "--check"]).stderr).toMatch(/^note: using the configuration in hostbind\.config\.json \(.*\)\nmissing cfg\/divmod\.h\n/);
      expect(everywhere(["generate"])).toMatchObject({ status: 0, stdout: "wrote cfg/divmod.h\nwrote cfg/divmod.deno.ts\nwrote cfg/divmod.bun.ts\nwrote cfg/divmod.node.ts\nwrote cfg/divmod.ts\n" });
      const note = "note: using the configuration in hostbind.config.json (input, outDir, lib; flags override it)\n";
      expect(everywhere(["generate", "--check"])).toEqual({ status: 0, stdout: "up to date: 5 files in cfg\n", stderr: note });
      // guest.wasm imports env.divmod with the declared type but also math-lib.hypot, which divmod.d.ts lacks.
      const r = everywhere(["generate", "--module", "guest.wasm"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^note: using the configuration in hostbind\.config\.json .*\nguest\.wasm:1:\d+: error: guest\.wasm imports "math-lib" "hypot" as `\(func \(param f64 f64\) \(result f64\)\)`, but divmod\.d\.ts does not declare it\n/);
    } finally {
      for (const rt of RUNTIMES) rmSync(join(dirs[rt]!, "hostbind.config.json"));
    }
  });
});

describe("explain", () => {
  const cases: string[][] = [
    ["explain", "mixed.d.ts"],
    ["explain", "mixed.d.ts", "--target", "i686-linux"],
    ["explain", "mixed.d.ts", "--json"],
    ["explain", "guest.wasm", "--target", "aarch64-macos", "--json"],
  ];
  for (const args of cases) {
    test(args.slice(1).join(" "), () => {
      const r = everywhere(args);
      expect(r.status, r.stderr).toBe(0);
      if (args.includes("--json")) expect(() => JSON.parse(r.stdout)).not.toThrow();
      else expect(r.stdout).toMatch(/^mixed\.d\.ts: 5 imports, target (x86_64|aarch64|i686)-/);
    });
  }

  test("i686-linux packs the double at offset 4; x86_64 pads it to 8", () => {
    const i686 = everywhere(["explain", "mixed.d.ts", "--target", "i686-linux", "--json"]);
    const x64 = everywhere(["explain", "mixed.d.ts", "--target", "x86_64-linux", "--json"]);
    const sumField = (out: string) =>
      JSON.parse(out).imports[0].result.fields.find((f: { name: string }) => f.name === "sum").offset;
    expect([sumField(i686.stdout), sumField(x64.stdout)]).toEqual([4, 8]);
  });
});

describe("declare", () => {
  test("the same starting declarations everywhere, and they round-trip through generate", () => {
    const r = everywhere(["declare", "guest.wasm"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("export declare namespace env {");
    expect(r.stderr).toContain("warning: guest.wasm also imports 1 thing hostbind does not serve (1 memory): memory \"env\" \"memory\"; the host application provides them");
    expect(everywhere(["declare", "guest.wasm", "--out", "decl/guest.d.ts"]).stdout).toBe("wrote decl/guest.d.ts\n");
    const g = everywhere(["generate", "decl/guest.d.ts", "-o", "decl/gen", "--targets", "c"]);
    expect(g).toEqual({ status: 0, stdout: "wrote decl/gen/guest.h\n", stderr: "" });
  });
});

describe("exit codes and messages", () => {
  test("0: --help and --version", () => {
    expect(everywhere(["--help"])).toMatchObject({ status: 0, stderr: "" });
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(everywhere(["--version"])).toEqual({ status: 0, stdout: `hostbind ${pkg.version}\n`, stderr: "" });
    expect(everywhere(["generate", "--help"]).stdout).toMatch(/^Usage: hostbind generate \[INPUT\] \[--out-dir DIR\]/);
  });

  test("1: a located declaration error, same words in every runtime, nothing written", () => {
    for (const rt of RUNTIMES) writeFileSync(join(dirs[rt]!, "bad.d.ts"), "export declare namespace env {\n  function f(x: boolean): i32;\n}\n");
    const r = everywhere(["generate", "bad.d.ts", "-o", "bad-out"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^bad\.d\.ts:2:\d+: error: /);
    expect(r.stderr).not.toMatch(/^ {4}at /m);
    for (const rt of RUNTIMES) expect(readdirSync(dirs[rt]!)).not.toContain("bad-out");
  });

  test("1: missing input and an unwritable output directory", () => {
    expect(everywhere(["explain", "missing.d.ts"])).toEqual({
      status: 1,
      stdout: "",
      stderr: "error: Cannot read input file `missing.d.ts`: no such file or directory\n" +
        "  help: Check the path; it is relative to the current directory.\n",
    });
    const r = everywhere(["generate", "divmod.d.ts", "--targets", "c", "-o", "divmod.d.ts/sub"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "error: Cannot create output directory `divmod.d.ts/sub`: `divmod.d.ts` is not a directory\n" +
        "  help: Choose an --out-dir whose parents are directories.\n",
    );
  });

  test("2: wrong usage, with a hint to --help", () => {
    expect(everywhere(["generate", "divmod.d.ts", "-o", "x", "--fast"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "error: unknown option `--fast`\n  help: run `hostbind generate --help` for usage\n",
    });
    expect(everywhere(["frobnicate"]).status).toBe(2);
    expect(everywhere([]).status).toBe(2);
  });
});
