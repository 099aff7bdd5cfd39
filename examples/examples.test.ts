/**
 * Every example, built with the real toolchain (cc, rustc, wat2wasm) and run
 * under real Deno and Bun from node_modules/.bin, must print exactly its
 * `expected-output.txt`; and the committed bindings in each `gen/` must be
 * what the hostbind CLI generates today; and every `main.ts` (with both
 * generated modules it may import) must pass `tsc --strict` with Deno's and
 * Bun's types together.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../test/support/tmp.ts";
import {
  buildGuest,
  buildNative,
  EXAMPLES,
  exampleDir,
  generateBindings,
  hasRustc,
  hasWasiClang,
  node26,
  runExample,
  tool,
} from "./build.ts";

const RUNTIMES = ["deno", "bun", "node"] as const;
const RUNTIME_LINE = { deno: /^runtime: Deno\/\d/, bun: /^runtime: Bun\/\d/, node: /^runtime: Node\.js\/26/ } as const;

for (const spec of EXAMPLES) {
  const dir = exampleDir(spec.name);
  // Only the Rust and WASI examples depend on tools npm does not install (rustc; clang with
  // wasi-libc, which .ci/run installs): without them they are skipped, visibly.
  const skip = (spec.native?.lang === "rust" && !hasRustc()) || (spec.guest.endsWith(".c") && !hasWasiClang());

  describe.skipIf(skip)(`example ${spec.name}`, () => {
    it("has committed bindings that match what the CLI generates now", () => {
      const fresh = tempDir(`example-${spec.name}`);
      try {
        generateBindings(spec, fresh);
        const committed = readdirSync(join(dir, "gen")).sort();
        expect(readdirSync(fresh).sort()).toEqual(committed);
        for (const file of committed) {
          const stale = `examples/${spec.name}/gen/${file} is stale: run \`deno task build\` in examples/${spec.name}`;
          expect(readFileSync(join(fresh, file), "utf8"), stale).toBe(readFileSync(join(dir, "gen", file), "utf8"));
        }
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    });

    describe("built against the committed bindings", () => {
      beforeAll(() => {
        buildNative(spec);
        buildGuest(spec);
      });

      it("declares exactly what its compiled guest imports (generate --module --check)", () => {
        // Throws, with the CLI's message, when the guest and the declarations disagree or gen/ is stale.
        generateBindings(spec, "gen", () => {}, ["--module", "build/guest.wasm", "--check"]);
      });

      it.each(RUNTIMES)("prints its expected output under %s", (runtime) => {
        const r = runExample(spec.name, runtime);
        const why = `${runtime} main.ts exited ${r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
        expect(r.status, why).toBe(0);
        const [first = "", ...rest] = r.stdout.split("\n");
        expect(first, why).toMatch(RUNTIME_LINE[runtime]);
        expect(rest.join("\n"), why).toBe(readFileSync(join(dir, "expected-output.txt"), "utf8"));
      });
    });
  });
}

describe("Node's permission model (README step 7: `--allow-ffi`)", () => {
  const spec = EXAMPLES.find((e) => e.name === "c-divmod")!;
  const node = (flags: string[]) =>
    spawnSync(node26(), ["--disable-warning=ExperimentalWarning", "--permission", ...flags, "main.ts"], {
      cwd: exampleDir(spec.name),
      encoding: "utf8",
    });
  beforeAll(() => {
    buildNative(spec);
    buildGuest(spec);
  });

  it("runs an example with --allow-fs-read and --allow-ffi", () => {
    const r = node(["--allow-fs-read=*", "--allow-ffi"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").slice(1).join("\n")).toBe(readFileSync(join(exampleDir(spec.name), "expected-output.txt"), "utf8"));
  });

  it("without --allow-ffi, load() fails naming the library and the flag", () => {
    const r = node(["--allow-fs-read=*"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`hostbind: cannot load ${join(exampleDir(spec.name), "build", "libdivmod.so")}`);
    expect(r.stderr).toContain("--allow-ffi");
  });
});

describe("the examples' TypeScript", () => {
  it("passes tsc --strict with Deno's and Bun's types", () => {
    const dir = tempDir("examples-tsc");
    try {
      // Deno's types come from the Deno binary itself; Bun's from @types/bun.
      const denoTypes = spawnSync(tool("deno"), ["types"], { encoding: "utf8", maxBuffer: 64 << 20 });
      expect(denoTypes.status, denoTypes.stderr).toBe(0);
      writeFileSync(join(dir, "lib.deno.d.ts"), denoTypes.stdout);
      const files = [
        join(dir, "lib.deno.d.ts"),
        ...EXAMPLES.map((e) => join(exampleDir(e.name), "main.ts")),
        join(ROOT, "examples", "build.ts"),
        join(ROOT, "examples", "examples.test.ts"),
        join(ROOT, "scripts", "demo.ts"),
      ];
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: TSC_OPTIONS, files }, null, 2));
      const tsc = spawnSync(tool("tsc"), ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
      expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The repository's strict settings, with both runtimes' globals (`Deno` from lib.deno.d.ts, `Bun` from @types/bun). */
const TSC_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  lib: ["ESNext"],
  types: ["bun"],
  typeRoots: [join(ROOT, "node_modules", "@types")],
};
