/**
 * Real guests, as published on npm by other people's toolchains: each goes
 * through `hostbind declare` → `hostbind generate --module` with no hand edits
 * (`--exclude-module` only for a module meant for the host application, here
 * WASI), and the header compiles. The packages are devDependencies, so the
 * bytes are exactly what their users run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "./support/cc.ts";
import { runMain } from "./support/cli_main.ts";
import { ROOT, tempDir, writeFiles } from "./support/tmp.ts";

const CORPUS: { producer: string; wasm: string; modules: string[]; exclude?: string[] }[] = [
  { producer: "wasm-bindgen (brotli-wasm)", wasm: "brotli-wasm/pkg.node/brotli_wasm_bg.wasm", modules: ["__wbindgen_placeholder__"] },
  { producer: "Emscripten (web-tree-sitter)", wasm: "web-tree-sitter/web-tree-sitter.wasm", modules: ["env"], exclude: ["wasi_snapshot_preview1"] },
  { producer: "Go (esbuild-wasm)", wasm: "esbuild-wasm/esbuild.wasm", modules: ["gojs"] },
  { producer: "Emscripten, minified (sql.js)", wasm: "sql.js/dist/sql-wasm.wasm", modules: ["a"] },
];

describe.each(CORPUS)("a real module: $producer", ({ wasm, modules, exclude = [] }) => {
  it("declare → generate --module, no hand edits, and the header compiles", () => {
    const dir = tempDir("real-module");
    const guest = join(ROOT, "node_modules", wasm);
    const excludes = exclude.flatMap((m) => ["--exclude-module", m]);
    const decl = join(dir, "guest.d.ts");
    const declared = runMain(["declare", guest, "--out", decl, ...excludes]);
    expect(declared.code, declared.stderr).toBe(0);
    const text = readFileSync(decl, "utf8");
    expect(text).not.toContain("Not declarable");
    for (const m of exclude) expect(text).not.toContain(`namespace ${m} {`);
    const out = join(dir, "gen");
    const generated = runMain(["generate", decl, "-o", out, "--module", guest, "--lib", "./libguest", ...excludes]);
    expect(generated.stderr).not.toMatch(/error:/);
    expect(generated.code).toBe(0);
    const header = readFileSync(join(out, "guest.h"), "utf8");
    for (const m of modules) expect(header).toContain(`Imports of module "${m}".`);
    // The same files straight from the .wasm (apart from the input's name, which they mention).
    const direct = runMain(["generate", guest, "-o", join(dir, "direct"), "--name", "guest", "--lib", "./libguest", ...excludes]);
    expect(direct.code, direct.stderr).toBe(0);
    const base = wasm.split("/").pop()!;
    for (const f of ["guest.h", "guest.deno.ts", "guest.bun.ts"]) {
      const viaDecl = readFileSync(join(out, f), "utf8").replaceAll("guest.d.ts", "INPUT");
      const viaWasm = readFileSync(join(dir, "direct", f), "utf8").replaceAll(base, "INPUT");
      expect(viaWasm, f).toBe(viaDecl);
    }
    const [use] = writeFiles(dir, { "use.c": '#include "guest.h"\nint main(void) { return 0; }\n' });
    for (const lang of ["c", "c++"] as const) {
      const r = compile([use!], { lang, kind: "syntax", include: [out], flags: lang === "c++" ? ["-x", "c++"] : [] });
      expect(r.ok, r.message).toBe(true);
    }
  });
});
