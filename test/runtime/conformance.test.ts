/**
 * Runtime conformance: generate the bindings for the conformance set,
 * compile its C library against the generated header, assemble the wasm
 * guest, and run the driver under the real `deno` and the real `bun`.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.ts";
import { bin, NODE26, run, runOk } from "../support/tools.ts";
import { ROOT, tempDir } from "../support/tmp.ts";
import { CONFORMANCE_SOURCE } from "./conformance_decls.ts";

let dir = "";

beforeAll(() => {
  dir = tempDir("conformance");
  for (const f of generate(CONFORMANCE_SOURCE, { file: "conformance.d.ts", lib: "./libconformance" })) {
    writeFileSync(join(dir, f.path), f.contents);
  }
  // A second set generated without --lib: its load() needs a path.
  const nolib = generate("export declare namespace env { function now(): f64; }", { file: "nolib.d.ts", targets: ["deno", "bun", "node"] });
  for (const f of nolib) writeFileSync(join(dir, f.path), f.contents);
  runOk("cc", [
    "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2", "-shared", "-fPIC", "-DHOSTBIND_IMPLEMENTATION",
    "-I", dir, "-o", join(dir, "libconformance.so"), join(ROOT, "test/runtime/conformance.c"), "-lm",
  ]);
  // The same library again, under a folder whose name a URL would mangle: --lib is a file path.
  const odd = join(dir, "we#ird %41 ?dir");
  mkdirSync(odd);
  copyFileSync(join(dir, "libconformance.so"), join(odd, "libconformance.so"));
  const oddlib = generate(CONFORMANCE_SOURCE, { file: "conformance.d.ts", name: "oddlib", lib: "./we#ird %41 ?dir/libconformance", targets: ["deno", "bun", "node"] });
  for (const f of oddlib) writeFileSync(join(dir, f.path), f.contents);
  for (const guest of ["conformance", "start_guest", "renamed_memory"]) {
    runOk(bin("wat2wasm"), [join(ROOT, `test/runtime/${guest}.wat`), "-o", join(dir, `${guest}.wasm`)]);
  }
});

const DRIVER = join(ROOT, "test/runtime/driver.ts");

describe.each([
  ["deno", () => run(bin("deno"), ["run", "--allow-read", "--allow-ffi", DRIVER, dir])],
  ["bun", () => run(bin("bun"), [DRIVER, dir])],
  ["node", () => run(NODE26, ["--disable-warning=ExperimentalWarning", DRIVER, dir])],
])("conformance under %s", (runtime, runDriver) => {
  it("passes every check", () => {
    const r = runDriver();
    const output = `${r.stdout}\n${r.stderr}`;
    expect(output, output).toContain(`${runtime}: all checks passed`);
    expect(r.stdout).not.toMatch(/^FAIL/m);
    // The driver's list of checks is fixed; a check that silently stopped running is a failure too.
    // Bun runs no memory64 guest: the two shared-memory64 checks are Deno's and Node's.
    expect(r.stdout.match(/^ok /gm)?.length, output).toBe(runtime === "bun" ? 69 : 71);
    expect(r.status).toBe(0);
  });
});
