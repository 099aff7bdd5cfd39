/**
 * Load-time failures and misuse of the generated bindings, in real Deno and
 * Bun: a missing library, a library lacking symbols, libraries for another
 * architecture, a file that is no library, and calls after `close()`. Each
 * must end in a clear error from `load()` (or from the call), never a crash.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ELF_MACHINE, withElfMachine } from "./fuzz/elf.ts";
import { freshDir, generateInto, lastJson, runUnder } from "./fuzz/harness.ts";
import { assembleWat, compileSharedLibrary, exec, RUNTIMES, type Runtime, TOOLS } from "./fuzz/tools.ts";
import { ROOT } from "./support/tmp.ts";

const SRC = join(ROOT, "test/fuzz/load");
let dir = "";
let m32 = false;

interface Outcome {
  threw: boolean;
  name?: string;
  message?: string;
  value?: string;
}

beforeAll(async () => {
  dir = freshDir("load-errors");
  generateInto(dir, readFileSync(join(SRC, "le.d.ts"), "utf8"), "le");
  await compileSharedLibrary([join(SRC, "full.c")], join(dir, "libfull.so"), [`-I${dir}`]);
  await compileSharedLibrary([join(SRC, "partial.c")], join(dir, "libpartial.so"), [`-I${dir}`]);
  // Every function, but without the header's call shims (no HOSTBIND_IMPLEMENTATION).
  await compileSharedLibrary([join(SRC, "full.c")], join(dir, "libnoshims.so"), [`-I${dir}`, "-UHOSTBIND_IMPLEMENTATION"]);
  await assembleWat(join(SRC, "guest.wat"), join(dir, "guest.wasm"));
  withElfMachine(join(dir, "libfull.so"), join(dir, "libarm.so"), ELF_MACHINE.aarch64);
  copyFileSync(join(SRC, "le.d.ts"), join(dir, "notalib.so"));
  // A real 32-bit build when the compiler has multilib support (gcc -m32).
  const r = await exec(TOOLS.cc, ["-m32", "-std=c11", "-shared", "-fPIC", `-I${dir}`, "-o", join(dir, "lib32.so"), join(SRC, "full.c")]);
  m32 = r.code === 0;
});

async function probeLoad(rt: Runtime, lib: string): Promise<Outcome> {
  const r = await runUnder(rt, "test/fuzz/load/probe.ts", ["load", join(dir, `le.${rt}.ts`), lib]);
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(0);
  return lastJson<Outcome>(r);
}

describe.each(RUNTIMES)("%s: load() failures", (rt) => {
  it("a library that exists and has every symbol loads", async () => {
    expect(await probeLoad(rt, join(dir, "libfull.so"))).toEqual({ threw: false, value: "[object Object]" });
  });

  it("a missing library file: an error naming the path", async () => {
    const path = join(dir, "libnosuch.so");
    const o = await probeLoad(rt, path);
    expect(o.threw).toBe(true);
    expect(o.message).toContain(path);
    expect(o.message).toMatch(/no such file/i);
    expect(o.message).toContain("build the native library from le.h");
    expect(o.message).toContain(`cc -shared -fPIC -o ${path} impl.c`);
  });

  it("a file that is not a shared library: an error naming the path", async () => {
    const path = join(dir, "notalib.so");
    const o = await probeLoad(rt, path);
    expect(o.threw).toBe(true);
    expect(o.message).toContain(path);
    expect(o.message).toMatch(/ELF header/i);
  });

  it("a 32-bit library (gcc -m32): an error naming the path and the ELF class", async (ctx) => {
    if (!m32) ctx.skip(); // this compiler cannot build 32-bit code
    const path = join(dir, "lib32.so");
    const o = await probeLoad(rt, path);
    expect(o.threw).toBe(true);
    expect(o.message).toContain(path);
    expect(o.message).toMatch(/ELFCLASS32|32-bit|architecture/i);
  });

  // glibc's dlopen reports an existing library built for another machine as
  // "No such file or directory"; load() reads the ELF header and says what is wrong.
  it("a library for another machine (aarch64 ELF): an error naming the architecture, not 'no such file'", async () => {
    const path = join(dir, "libarm.so");
    const o = await probeLoad(rt, path);
    expect(o.threw).toBe(true);
    expect(o.message).toContain(path);
    expect(o.message).not.toMatch(/no such file/i);
    expect(o.message).toMatch(/aarch64|arm64|architecture|machine/i);
  });

  // Deno and Bun name only the first missing symbol; load() lists them all.
  it("a library lacking symbols: ONE error listing every missing symbol, counted alike on every runtime", async () => {
    const o = await probeLoad(rt, join(dir, "libpartial.so"));
    expect(o.threw).toBe(true);
    for (const sym of ["le_zero", "le_two", "le_three"]) expect(o.message).toContain(sym);
    expect(o.message).not.toMatch(/\ble_one\b/);
    // The header's whole list (4 functions, 4 shims and the layout fingerprint), whichever runtime asks.
    expect(o.message).toBe(`hostbind: ${join(dir, "libpartial.so")} lacks 3 of the 9 symbols le.h declares: le_zero, le_two, le_three`);
  });
});

describe("node: the memory call path's shims", () => {
  it("a library without them: an error naming them and saying to define HOSTBIND_IMPLEMENTATION", async () => {
    const o = await probeLoad("node", join(dir, "libnoshims.so"));
    expect(o.threw).toBe(true);
    expect(o.message).toContain("hostbind_shim_le_zero");
    expect(o.message).toContain('write #define HOSTBIND_IMPLEMENTATION before #include "le.h" in one C file of the library');
  });

  it("Deno and Bun, which call the functions directly, load it", async () => {
    for (const rt of ["deno", "bun"] as const) {
      expect(await probeLoad(rt, join(dir, "libnoshims.so")), rt).toEqual({ threw: false, value: "[object Object]" });
    }
  });
});

describe("node: a Node without node:ffi", () => {
  it("NAME.ts says which Node the bindings need instead of failing to import node:ffi", async () => {
    // Node 26.12 stands in for an older Node: the preload hides node:ffi from getBuiltinModule,
    // as Node before 26.1 (and 26.1–26.8 without --experimental-ffi) has none.
    writeFileSync(join(dir, "no-ffi.mjs"), [
      "const get = process.getBuiltinModule;",
      'process.getBuiltinModule = (id) => (id === "node:ffi" ? undefined : get(id));',
      'Object.defineProperty(process, "version", { value: "v24.11.0" });',
    ].join("\n"));
    writeFileSync(join(dir, "host.mjs"), 'await import("./le.ts");\n');
    const r = await exec(TOOLS.node, ["--import", join(dir, "no-ffi.mjs"), join(dir, "host.mjs")]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      "hostbind: le.node.ts needs node:ffi: Node 26.9 or newer, or 26.1–26.8 with --experimental-ffi; this is Node v24.11.0",
    );
    expect(r.stderr).not.toContain("ERR_UNKNOWN_BUILTIN_MODULE");
  });
});

describe.each(RUNTIMES)("%s: close()", (rt) => {
  it("imports work before close() and throw after it, without crashing; close() twice is fine", async () => {
    const r = await runUnder(rt, "test/fuzz/load/probe.ts", ["closed", join(dir, `le.${rt}.ts`), join(dir, "libfull.so"), join(dir, "guest.wasm")]);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const o = lastJson<{ before: Outcome[]; after: Outcome[]; direct: Outcome; bindAfter: Outcome; closeTwice: Outcome }>(r);
    expect(o.before.map((x) => x.value)).toEqual(["undefined", "6", "63", "3.5"]);
    for (const a of [...o.after, o.direct, o.bindAfter]) {
      expect(a.threw).toBe(true);
      expect(a.message).toMatch(/closed/);
    }
    expect(o.closeTwice).toEqual({ threw: false, value: "undefined" });
  });
});
