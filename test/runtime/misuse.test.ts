/**
 * What the generated bindings do with misuse and edge cases, in real Deno,
 * Bun and Node 26 (issue 19): two copies of one set of bindings in one
 * thread, a library built from older declarations, a memory made resizable
 * after bind(), a native function calling back into the same import, a trap
 * message cut inside a UTF-8 sequence, and bind()/load() given what they
 * cannot take. The probe is `misuse/probe.ts`; the native side `misuse/mx.c`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.ts";
import { freshDir, lastJson, runUnder } from "../fuzz/harness.ts";
import { assembleWat, exec, RUNTIMES, type Runtime, TOOLS } from "../fuzz/tools.ts";
import { ROOT } from "../support/tmp.ts";
import { writeFileSync } from "node:fs";

const SRC = join(ROOT, "test/runtime/misuse");
const PROBE = "test/runtime/misuse/probe.ts";
let dir = "";

function generateMx(into: string, decls: string): void {
  mkdirSync(into, { recursive: true });
  for (const f of generate(readFileSync(join(SRC, decls), "utf8"), { file: decls, name: "mx", lib: "./libmx" })) {
    writeFileSync(join(into, f.path), f.contents);
  }
}

async function cc(out: string, include: string, flags: string[] = [], source = "mx.c"): Promise<void> {
  const r = await exec(TOOLS.cc, ["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", `-I${include}`, ...flags, "-o", out, join(SRC, source)]);
  if (r.code !== 0) throw new Error(`cc failed:\n${r.stderr}`);
}

beforeAll(async () => {
  dir = freshDir("misuse");
  generateMx(join(dir, "gen1"), "mx.d.ts");
  cpSync(join(dir, "gen1"), join(dir, "gen2"), { recursive: true });
  generateMx(join(dir, "old"), "mx_old.d.ts");
  generateMx(join(dir, "old_last"), "mx_old_last.d.ts");
  await cc(join(dir, "libmx.so"), join(dir, "gen1"));
  await cc(join(dir, "libmx_old.so"), join(dir, "old"), ["-DMX_OLD"]);
  await cc(join(dir, "libmx_old_last.so"), join(dir, "old_last"), ["-DMX_OLD"]);
  mkdirSync(join(dir, "proto"));
  for (const f of generate(readFileSync(join(SRC, "proto.d.ts"), "utf8"), { file: "proto.d.ts", name: "proto" })) {
    writeFileSync(join(dir, "proto", f.path), f.contents);
  }
  await cc(join(dir, "libproto.so"), join(dir, "proto"), [], "proto.c");
  await assembleWat(join(SRC, "proto.wat"), join(dir, "proto.wasm"));
  await cc(join(dir, "libmx_hooks.so"), join(dir, "gen1"), ["-DMX_HOOKS"]);
  await assembleWat(join(SRC, "lifecycle.wat"), join(dir, "lifecycle.wasm"));
  await assembleWat(join(SRC, "imported_memory.wat"), join(dir, "imported_memory.wasm"));
});

async function probe<T>(rt: Runtime, mode: string, ...args: string[]): Promise<T> {
  const r = await runUnder(rt, PROBE, [mode, join(dir, "gen1/mx.ts"), ...args]);
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(0);
  return lastJson<T>(r);
}

describe.each(RUNTIMES)("%s", (rt) => {
  it("two copies of the bindings in one thread: every call runs with its own Host's context, also after the other closed", async () => {
    const r = await probe<{ calls: string[]; afterClose: string[] }>(rt, "hosts", join(dir, "gen2/mx.ts"), join(dir, "libmx.so"));
    expect(r).toEqual({ calls: ["1007", "2007", "1007", "1007", "2007"], afterClose: ["2007", "2007"] });
  });

  it("a library built from older declarations: load() refuses it and says to rebuild", async () => {
    // A multi-result import more, at the end: the argument block sits elsewhere (the fingerprint differs).
    const r = await probe<{ threw: boolean; message: string }>(rt, "stale", join(dir, "libmx_old_last.so"));
    expect(r.threw).toBe(true);
    expect(r.message).toMatch(new RegExp(`^hostbind: ${join(dir, "libmx_old_last.so")} was built from another version of mx\\.h \\(declarations fingerprint 0x[0-9a-f]{8}, these bindings 0x[0-9a-f]{8}\\)`));
    expect(r.message).toContain("rebuild the library from the mx.h generated beside these bindings");
    // Another import first: the shims' fingerprint function has another name.
    const first = await probe<{ threw: boolean; message: string }>(rt, "stale", join(dir, "libmx_old.so"));
    expect(first.threw).toBe(true);
    expect(first.message).toContain("lacks 1 of the 9 symbols mx.h declares: hostbind_layout_mx_who; "
      + "its call shims were compiled from another version of mx.h (one with another first import): rebuild the library");
    // The current library loads.
    expect((await probe<{ threw: boolean }>(rt, "stale", join(dir, "libmx.so"))).threw).toBe(false);
  });

  it("a memory made resizable after bind(): ctx->memory_size is current at the next call after each grow", async () => {
    const r = await probe<{ supported: boolean; before: number; afterGrow: number; afterSecondGrow: number; bytes: number }>(
      rt, "resizable", join(dir, "libmx.so"),
    );
    expect(r.before).toBe(65536);
    expect(r.afterGrow).toBe(131072);
    expect(r.afterSecondGrow).toBe(196608);
    expect(r.bytes).toBe(196608);
  });

  it("a native function calling back into the same multi-result import: each call gets its own results", async () => {
    const r = await probe<{ outer: number[]; inner: number[][]; trapped: { threw: boolean; name: string; message: string }; after: number[] }>(
      rt, "nest", join(dir, "libmx.so"),
    );
    // The nested call that wrote (-1, -10) and trapped left the results of the call around it (2, 20) as they were.
    expect(r).toEqual({
      outer: [3, 30],
      inner: [[0, 0], [1, 10], [2, 20]],
      trapped: { threw: true, name: "HostTrap", message: "mx.nest: negative" },
      after: [0, 0],
    });
  });

  it("a trap message longer than the context holds is cut at a whole UTF-8 sequence", async () => {
    const r = await probe<{ threw: boolean; name: string; message: string }>(rt, "trap", join(dir, "libmx.so"));
    expect(r.threw).toBe(true);
    expect(r.name).toBe("HostTrap");
    expect(r.message).not.toContain("\uFFFD");
    // The context holds 223 bytes: 111 two-byte é, cut before the half of the 112th; the import comes first.
    expect(r.message).toBe(`mx.long_trap: ${"é".repeat(111)}`);
  });

  it("bind() and load() given what they cannot take: errors that say what was expected", async () => {
    const r = await probe<Record<string, { threw: boolean; name: string; message: string }>>(rt, "args", join(dir, "libmx.so"));
    expect(r.bindEmpty).toMatchObject({ threw: true, name: "TypeError", message: "hostbind: bind() expected a WebAssembly.Instance or WebAssembly.Memory, but got an object" });
    expect(r.bindResult!.message).toBe(
      "hostbind: bind() expected a WebAssembly.Instance or WebAssembly.Memory, but got the result of WebAssembly.instantiate(): bind its .instance",
    );
    expect(r.bindNumber!.message).toBe("hostbind: bind() expected a WebAssembly.Instance or WebAssembly.Memory, but got a number");
    expect(r.userDataString).toMatchObject({ threw: true, name: "TypeError" });
    expect(r.userDataString!.message).toMatch(/^hostbind: load\(\) expected userData to be a pointer \(a bigint or an integer number; on Deno also a Deno\.PointerValue\), but got a string/);
    expect(r.userDataFloat!.message).toMatch(/but got a number/);
    expect(r.optionsNumber!.message).toBe("hostbind: load() expected a library path, a file URL or { path, userData }, but got a number");
    expect(r.pathNumber!.message).toBe("hostbind: load() expected path to be a string or a file URL, but got a number");
  });

  it("names that are Object.prototype members (__proto__, constructor) and @symbol memory: own properties, served", async () => {
    const r = await runUnder(rt, PROBE, ["proto", join(dir, "proto/proto.ts"), join(dir, "libproto.so"), join(dir, "proto.wasm")]);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r)).toEqual({
      ownModule: true,
      ownImports: true,
      prototypeKept: true,
      spreadKept: true,
      result: ["6", "5", "-5", "10"],
    });
  });

  it("the library's open and close functions, host.instantiate(), and one guest memory per Host", async () => {
    const r = await probe<Record<string, unknown>>(rt, "lifecycle", join(dir, "libmx_hooks.so"), join(dir, "lifecycle.wasm"), join(dir, "imported_memory.wasm"));
    // hostbind_open_mx kept the host's userData (40) in state of its own, which mx_who reads.
    expect(r.who).toBe("42");
    expect(r.afterOpen).toEqual([1, 0]);
    expect(r.afterClose).toEqual([1, 1]);
    // A trap in the open function: load() throws it, and no close function runs for that Host.
    expect(r.refused).toMatchObject({ threw: true, name: "HostTrap", message: "hostbind_open_mx: refused" });
    expect(r.afterRefused).toEqual([1, 1]);
    // instantiate() merged the js module in and bound the exported memory: size() saw 64 KiB.
    expect(r.run).toBe(65536 + 7);
    expect(r.rebind).toMatchObject({ threw: true });
    expect((r.rebind as { message: string }).message).toMatch(/^hostbind: this Host already serves another guest memory.*load\(\) one Host per instance/);
    expect(r.sameAgain).toMatchObject({ threw: false });
    // An imported memory is bound before instantiation: the start function's native call saw 2 pages.
    expect(r.seen).toBe(131072);
    expect(r.closedAtEnd).toBe(3);
  });

  it("host.intercept(): a loader's own instantiation, by any of the three routes, gets the served imports and binds", async () => {
    const r = await probe<Record<string, unknown>>(rt, "intercept", join(dir, "libmx_hooks.so"), join(dir, "lifecycle.wasm"), join(dir, "imported_memory.wasm"));
    // The loader's js.seven kept beside the served mx.size, which saw the exported memory bound (64 KiB).
    expect(r.run).toBe(65536 + 7);
    // A synchronous new WebAssembly.Instance: the imported memory was bound before the start function ran.
    expect(r.seen).toBe(131072);
    expect(r.isInstance).toBe(true);
    // instantiateStreaming served too; a module importing nothing served passed through untouched.
    expect(r.streamed).toEqual({ emptyExports: 0, run: 65536 + 8 });
    expect(r.nothing).toMatch(/^hostbind: intercept\(\): the loader instantiated no wasm module importing what this Host serves \(mx\.who, mx\.size, mx\.[a-z_]+, … \(\d+ in all\)\); was the package already loaded before/);
    expect(r.thrown).toBe("the loader failed");
    expect(r.restored).toBe(true);
  });
});

describe("permissions and packaging", () => {
  it("Deno with a scoped --allow-ffi=DIR: an error that says which permission the bindings need", async () => {
    const r = await exec(TOOLS.deno, ["run", "--quiet", `--allow-read`, `--allow-ffi=${dir}`, join(ROOT, PROBE), "stale", join(dir, "gen1/mx.ts"), join(dir, "libmx.so")]);
    expect(r.code, r.stderr).toBe(0);
    const o = lastJson<{ threw: boolean; name: string; message: string }>(r);
    expect(o).toMatchObject({ threw: true, name: "NotCapable" });
    expect(o.message).toMatch(/^hostbind: these bindings pass native code addresses of wasm memory, which Deno allows only with --allow-ffi for all libraries/);
    expect(o.message).toContain("run with --allow-ffi (and --allow-read for the library's folder)");
  });

  it("bun build --compile with the runtime's module: the binary loads the library beside it", async () => {
    const app = join(dir, "app");
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, "app.ts"), [
      'import { load } from "../gen1/mx.bun.ts";',
      "using host = load();",
      "console.log(String(host.imports.mx.who(5n)));",
      "",
    ].join("\n"));
    const built = await exec(TOOLS.bun, ["build", "--compile", join(app, "app.ts"), "--outfile", join(app, "out/app")]);
    expect(built.code, built.stderr).toBe(0);
    cpSync(join(dir, "libmx.so"), join(app, "out/libmx.so"));
    // Run from elsewhere: the library is found beside the executable, not in Bun's virtual file system.
    const r = await exec(join(app, "out/app"), [], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("5\n");
  });

  it("a bundled NAME.ts: a clear error saying to import the runtime's module instead", async () => {
    const out = join(dir, "bundle/entry.js");
    const built = await exec(TOOLS.bun, ["build", join(dir, "gen1/mx.ts"), "--target", "bun", "--outfile", out]);
    expect(built.code, built.stderr).toBe(0);
    const r = await exec(TOOLS.bun, [out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("mx.bun.ts could not be imported beside");
    expect(r.stderr).toContain("this file picks the runtime's bindings module at run time, which a bundler cannot follow");
    expect(r.stderr).toContain('import { load } from "./mx.bun.ts"');
  });
});
