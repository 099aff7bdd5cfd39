/**
 * The real-module corpus (`test/corpus/`, issue 21): twenty modules from
 * nine producers — Emscripten (minified, MAIN_MODULE, with wasm exceptions),
 * wasm-bindgen, Go, KaRaMeL, napi-rs/emnapi on wasip1-threads, Rust, the
 * WASI preview1 adapter, wasi-sdk, AssemblyScript — each through `declare` →
 * `generate --module` → a C and a C++ compile, with no hand edits; and
 * `generate MODULE.wasm` writes what `generate` of the declarations does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "./support/cc.ts";
import { runMain } from "./support/cli_main.ts";
import { ROOT, tempDir, writeFiles } from "./support/tmp.ts";

interface Entry {
  file: string;
  producer: string;
  package: string;
}

const CORPUS = JSON.parse(readFileSync(join(ROOT, "test/corpus/corpus.json"), "utf8")) as Entry[];

it("holds at least 15 modules from at least 8 producers", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(15);
  // The producer's first word: Emscripten, wasm-bindgen, Go, KaRaMeL, napi-rs, Rust, wit-component, wasi-sdk, AssemblyScript.
  expect(new Set(CORPUS.map((e) => e.producer.split(/[ ,(]/)[0])).size).toBeGreaterThanOrEqual(8);
});

describe.each(CORPUS)("$file ($producer, $package)", ({ file }) => {
  it("declare → generate --module → cc, no hand edits; generate of the .wasm writes the same", () => {
    const dir = tempDir("corpus");
    const guest = join(ROOT, "test/corpus/modules", file);
    const decl = join(dir, "guest.d.ts");
    const declared = runMain(["declare", guest, "--out", decl]);
    expect(declared.code, declared.stderr).toBe(0);
    const out = join(dir, "gen");
    const generated = runMain(["generate", decl, "-o", out, "--module", guest, "--lib", "./libguest"]);
    expect(generated.stderr).not.toMatch(/error:/);
    expect(generated.code).toBe(0);
    const direct = runMain(["generate", guest, "-o", join(dir, "direct"), "--name", "guest", "--lib", "./libguest"]);
    expect(direct.code, direct.stderr).toBe(0);
    for (const f of ["guest.h", "guest.deno.ts", "guest.bun.ts", "guest.node.ts"]) {
      const viaDecl = readFileSync(join(out, f), "utf8").replaceAll("guest.d.ts", "INPUT");
      const viaWasm = readFileSync(join(dir, "direct", f), "utf8").replaceAll(file, "INPUT");
      expect(viaWasm, f).toBe(viaDecl);
    }
    const [use] = writeFiles(dir, { "use.c": '#include "guest.h"\nint main(void) { return 0; }\n' });
    for (const lang of ["c", "c++"] as const) {
      const r = compile([use!], { lang, kind: "syntax", include: [out], flags: lang === "c++" ? ["-x", "c++"] : [] });
      expect(r.ok, r.message).toBe(true);
    }
  });
});
