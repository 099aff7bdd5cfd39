import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Declarations } from "../../ir/types.ts";
import { createEmitContext, type EmitContext } from "../context.ts";
import { emitBun } from "../bun/mod.ts";
import { DENO, emitDeno } from "../deno/mod.ts";
import { BUN } from "../bun/mod.ts";
import { emitNode, NODE } from "../node/mod.ts";
import { emitEntry } from "./entry.ts";
import { buildStub } from "../stub/mod.ts";
import { base64 } from "./emit.ts";
import { bin, run } from "../../../test/support/tools.ts";
import { ROOT, tempDir } from "../../../test/support/tmp.ts";
import { conformanceDeclarations, importFunction } from "../../../test/runtime/conformance_decls.ts";

function context(decls: Declarations, name: string, lib: string | undefined): EmitContext {
  return createEmitContext(decls, name, lib);
}

/** Names chosen to collide with everything the generated module defines or JS reserves. */
function awkwardDeclarations(): Declarations {
  const loc = { file: "/home/someone/project/awkward.d.ts", line: 1, column: 1 };
  return {
    file: loc.file,
    modules: [
      {
        name: 'we"ird mod',
        doc: "A module whose name needs quoting. */ still a comment",
        location: loc,
        functions: [
          importFunction('we"ird mod', ["do-it", [["size", "u32"], ["heap", "i64"], ["native_x", "f32"], ["arguments", "u32"]], [["default", "i32"], ["result", "u64"]], { symbol: "do_it" }]),
          importFunction('we"ird mod', ["ctx", [["ctx", "i32"], ["trap", "i32"], ["words", "f64"]], [[null, "f64"]], { symbol: "ctx_fn", noctx: true }]),
          importFunction('we"ird mod', ["sync", [["out_ptr", "u32"]], [], { symbol: "sync_fn" }]),
        ],
      },
      { name: "empty", doc: "", location: loc, functions: [] },
      {
        // A name that would end a comment, in the stub listing and the symbols docs.
        name: "end */ here",
        doc: "",
        location: loc,
        functions: [importFunction("end */ here", ["two */", [["a", "i32"]], [[null, "i32"], [null, "f64"]], { symbol: "end_two" }])],
      },
    ],
  };
}

const CASES: [string, EmitContext][] = [
  ["conformance", context(conformanceDeclarations(), "conformance", "./libconformance")],
  ["awkward", context(awkwardDeclarations(), "awkward", undefined)],
];

describe("type checks", () => {
  let dir = "";
  beforeAll(() => {
    dir = tempDir("emit");
    for (const [name, cx] of CASES) {
      writeFileSync(join(dir, `${name}.deno.ts`), emitDeno(cx));
      writeFileSync(join(dir, `${name}.bun.ts`), emitBun(cx));
      writeFileSync(join(dir, `${name}.node.ts`), emitNode(cx));
      writeFileSync(join(dir, `${name}.ts`), emitEntry(cx, [DENO, BUN, NODE]));
    }
    // One host file for every runtime, through the runtime-neutral entry.
    writeFileSync(join(dir, "use.ts"), [
      'import { HostTrap, type Imports, load, type LoadOptions } from "./conformance.ts";',
      "const options: LoadOptions = { path: new URL(\"./libconformance.so\", import.meta.url), userData: 0n };",
      "using host = load(options);",
      "const { instance } = await WebAssembly.instantiate(new Uint8Array(8), host.imports);",
      "host.bind(instance);",
      "const [quot, rem]: [number, number] = host.imports.env.divmod(7, 2);",
      "const env: Imports[\"env\"] = host.imports.env;",
      "try { env.divmod(1, 0); } catch (e) { if (e instanceof HostTrap) console.log(e.code, e.message); }",
      "console.log(quot, rem);",
    ].join("\n"));
    // Each runtime's module fits the entry's types: its Host is an entry Host,
    // its HostTrap the entry's class, and the entry's options are its options.
    for (const rt of ["deno", "bun", "node"]) {
      writeFileSync(join(dir, `fits.${rt}.ts`), [
        `import * as own from "./conformance.${rt}.ts";`,
        'import type * as entry from "./conformance.ts";',
        "export const host: entry.Host = own.load();",
        "export const Trap: typeof entry.HostTrap = own.HostTrap;",
        "export const load: (options?: string | URL | entry.LoadOptions) => entry.Host = own.load;",
      ].join("\n"));
    }
    // How users consume the modules: the types must fit the WebAssembly API.
    for (const rt of ["deno", "bun"]) {
      writeFileSync(join(dir, `use.${rt}.ts`), [
        `import { HostTrap, type Imports, load, type LoadOptions, symbols } from "./conformance.${rt}.ts";`,
        "const options: LoadOptions = { path: new URL(\"./libconformance.so\", import.meta.url) };",
        "using host = load(options);",
        "const { instance } = await WebAssembly.instantiate(new Uint8Array(8), host.imports);",
        "host.bind(instance);",
        "host.bind(new WebAssembly.Memory({ initial: 1 }));",
        "const [quot, rem]: [number, number] = host.imports.env.divmod(7, 2);",
        "const big: bigint = host.imports.env.id_u64(1n);",
        "const env: Imports[\"env\"] = host.imports.env;",
        "const code: number = new HostTrap(1, \"x\").code;",
        "const tags: readonly string[] = symbols.env_divmod.parameters ?? symbols.env_divmod.args ?? [];",
        "console.log(quot, rem, big, env, code, tags);",
      ].join("\n").replace("symbols.env_divmod.parameters ?? symbols.env_divmod.args ?? []",
        rt === "deno" ? "symbols.env_divmod.parameters" : "symbols.env_divmod.args"));
    }
  });

  it("passes deno check", () => {
    const r = run(bin("deno"), ["check", ...CASES.flatMap(([n]) => [join(dir, `${n}.deno.ts`), join(dir, `${n}.ts`)]), ...["use.deno.ts", "use.ts", "fits.deno.ts"].map((f) => join(dir, f))]);
    expect(r.status, r.stderr).toBe(0);
  });

  it("passes deno fmt --check and deno lint, so a user's formatter and linter leave it alone", () => {
    const generated = CASES.flatMap(([n]) => [`${n}.deno.ts`, `${n}.bun.ts`, `${n}.node.ts`, `${n}.ts`].map((f) => join(dir, f)));
    for (const args of [["fmt", "--check"], ["lint"]]) {
      const r = run(bin("deno"), [...args, ...generated]);
      expect(r.status, `deno ${args.join(" ")}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stderr).toContain(`Checked ${generated.length} files`);
    }
  });

  it("passes tsc --strict with Node 26's types, as erasable TypeScript", () => {
    writeFileSync(join(dir, "tsconfig.node.json"), JSON.stringify({
      extends: join(ROOT, "test/tsconfig.node.json"),
      compilerOptions: { typeRoots: [join(ROOT, "node_modules/@types")] },
      files: [...CASES.flatMap(([n]) => [`${n}.node.ts`, `${n}.ts`]), "use.ts", "fits.node.ts"],
    }));
    const r = run(bin("tsc"), ["-p", join(dir, "tsconfig.node.json")]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("passes tsc --strict with Bun's types", () => {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      extends: join(ROOT, "test/tsconfig.bun.json"),
      compilerOptions: { typeRoots: [join(ROOT, "node_modules/@types")] },
      files: [...CASES.flatMap(([n]) => [`${n}.bun.ts`, `${n}.ts`]), "use.bun.ts", "use.ts", "fits.bun.ts"],
    }));
    const r = run(bin("tsc"), ["-p", join(dir, "tsconfig.json")]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

describe("generated modules", () => {
  const [, conformance] = CASES[0]!;
  const [, awkward] = CASES[1]!;

  it("match the golden files (UPDATE with vitest -u)", async () => {
    await expect(emitDeno(conformance)).toMatchFileSnapshot(join(ROOT, "test/runtime/golden/conformance.deno.ts"));
    await expect(emitBun(conformance)).toMatchFileSnapshot(join(ROOT, "test/runtime/golden/conformance.bun.ts"));
  });

  it("are deterministic and carry no absolute path", () => {
    expect(emitDeno(awkward)).toBe(emitDeno(context(awkwardDeclarations(), "awkward", undefined)));
    expect(emitDeno(awkward)).not.toContain("/home/someone");
    expect(emitBun(awkward)).toContain("declared in `awkward.d.ts`");
  });

  it("are byte-identical when generated by Deno and by Bun", () => {
    const script = join(tempDir("emit-runtimes"), "emit.ts");
    writeFileSync(script, [
      `import { emitDeno } from ${JSON.stringify(join(ROOT, "src/emit/deno/mod.ts"))};`,
      `import { emitBun } from ${JSON.stringify(join(ROOT, "src/emit/bun/mod.ts"))};`,
      `import { createEmitContext } from ${JSON.stringify(join(ROOT, "src/emit/context.ts"))};`,
      `import { conformanceDeclarations } from ${JSON.stringify(join(ROOT, "test/runtime/conformance_decls.ts"))};`,
      "const decls = conformanceDeclarations();",
      'const cx = createEmitContext(decls, "conformance", "./libconformance");',
      "console.log(JSON.stringify([emitDeno(cx), emitBun(cx)]));",
    ].join("\n"));
    const want = JSON.stringify([emitDeno(conformance), emitBun(conformance)]);
    for (const [cmd, args] of [[bin("deno"), ["run", "-A", script]], [bin("bun"), [script]]] as const) {
      const r = run(cmd, [...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(want);
    }
  });

  it("embed the stub module byte for byte", () => {
    const text = emitDeno(conformance);
    const lines = /const STUB_BYTES = bytesOfBase64\(`\n([^`]*)`\);/.exec(text)![1]!;
    // bytesOfBase64 decodes with atob, as below.
    expect(text).toContain("return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));");
    expect(lines.split("\n").every((l) => l === "" || /^ {2}[A-Za-z0-9+/=]{1,76}$/.test(l))).toBe(true);
    // atob as the generated module runs it (the test runner's own, like Deno's and Bun's, follows the HTML spec).
    const bytes = [...atob(lines)].map((c) => c.charCodeAt(0));
    expect(bytes).toEqual([...buildStub(conformance.layout).bytes]);
  });

  it("base64-encode the RFC 4648 test vectors", () => {
    const vectors: [string, string][] = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], ["foob", "Zm9vYg=="], ["fooba", "Zm9vYmE="], ["foobar", "Zm9vYmFy"]];
    for (const [text, want] of vectors) expect(base64(new TextEncoder().encode(text))).toBe(want);
  });

  it("base64-encode every byte value and inputs across its 8 KiB chunks, round-tripping through atob", () => {
    for (const n of [256, 8191, 8192, 8193, 3 * 8192 + 2, 50_001]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + 11) & 0xff);
      const text = base64(bytes);
      expect(text).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect(text.length).toBe(4 * Math.ceil(n / 3));
      expect(Uint8Array.from(atob(text), (c) => c.charCodeAt(0))).toEqual(bytes);
    }
  });

  it("convert arguments as wasm does (ToInt32, ToUint32, ToNumber) in both runtimes, and never use Bun's i64_fast", () => {
    for (const source of [emitDeno(conformance), emitBun(conformance)]) {
      expect(source).toContain("native_env_id_u32(ctx, x >>> 0)");
      expect(source).toContain("native_env_id_i32(ctx, x | 0)");
      expect(source).toContain("native_env_id_f64(ctx, +x)");
      expect(source).toContain('native_env_id_i64(ctx, (typeof x === "bigint" ? x : BigInt.asIntN(64, x)))');
      // A multi-result import's native function gets its out-area first (nested calls are the stub's business).
      expect(source).toContain('native_env_spread(out_env_spread, ctx, a | 0, b >>> 0, '
        + '(typeof c === "bigint" ? c : BigInt.asIntN(64, c)), (typeof d === "bigint" ? d : BigInt.asUintN(64, d)), +e, +f)');
    }
    expect(emitBun(conformance)).not.toMatch(/_fast/);
  });

  it("bind every FFI function to a const and serve multi-result imports from the stub", () => {
    const deno = emitDeno(conformance);
    expect(deno.match(/^ {2}const native_\w+ = lib\.symbols\.\w+;$/gm)).toHaveLength(23);
    expect(deno).toContain('divmod: stub.env_divmod as Imports["env"]["divmod"],');
    expect(deno).toContain('minmax: stub.math_lib_minmax as Imports["math-lib"]["minmax"],');
    expect(deno).toContain("const out_env_divmod = Deno.UnsafePointer.offset(ctx, 256);");
    expect(emitBun(conformance)).toContain("const out_env_divmod = (ctx + 256) as Pointer;");
  });

  it("skip ctx and the trap check for @noctx imports", () => {
    const deno = emitDeno(conformance);
    const hypot = deno.slice(deno.indexOf("hypot: (x: number"), deno.indexOf("add: (a: number"));
    expect(hypot).toContain("return native_hypot(+x, +y);");
    expect(hypot).not.toContain("trap");
    expect(deno).toContain("native_math_lib_minmax(out_math_lib_minmax, +a, +b);");
  });

  it("escape `*/` in wasm names wherever they appear in a comment", () => {
    for (const source of [emitDeno(awkward), emitBun(awkward)]) {
      expect(source).toContain("- `end * / here.two * /` (`end_two`): (i32) -> (i32@");
      expect(source).toContain("/** `end * / here.two * /`: `void end_two(end_two_result *out, hostbind_ctx *ctx, int32_t a)` */");
      // Outside comments the name is only ever inside a string literal.
      expect(source.replaceAll('"end */ here"', "").replaceAll('"end */ here.two */"', "")).not.toContain("end */ here");
    }
  });

  it("rename parameters that would shadow the runtime or are reserved, and quote odd keys", () => {
    const deno = emitDeno(awkward);
    // `size` is no runtime local (the memory check compares with 0), so it keeps its name.
    expect(deno).toContain("do_it: (size: number, heap_: bigint, p_native_x: number, arguments_: number): void => {");
    expect(deno).toContain("native_do_it(out_do_it, ctx, size >>> 0, (typeof heap_ === \"bigint\" ? heap_ : BigInt.asIntN(64, heap_)), +p_native_x, arguments_ >>> 0);");
    expect(deno).toContain('"do-it"(size: number, heap_: bigint, p_native_x: number, arguments_: number): [default_: number, result: bigint];');
    expect(deno).toContain("ctx: (ctx_: number, trap_: number, words_: number): number => {");
    expect(deno).toContain("sync: (p_out_ptr: number): void => {");
    expect(deno).toContain('readonly "we\\"ird mod": {');
    expect(deno).toContain("readonly empty: Record<never, never>;");
    expect(deno).toContain("    empty: {},");
    expect(deno).toContain("* A module whose name needs quoting. * / still a comment");
  });

  it("need a path when generated without --lib", () => {
    const deno = emitDeno(awkward);
    expect(deno).toContain("const DEFAULT_LIBRARY: string | undefined = undefined;");
    expect(deno).toContain('using host = load("./libawkward");');
    expect(emitDeno(conformance)).toContain('const DEFAULT_LIBRARY: string | undefined = "./libconformance";');
  });

  it("fill every template slot", () => {
    for (const text of [emitDeno(conformance), emitBun(awkward), emitNode(awkward)]) expect(text).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(readFileSync(join(ROOT, "templates/ts-load.ts.tmpl"), "utf8")).toContain("{{BINDINGS}}");
  });
});
