/**
 * Strings, bytes and calls into the guest (issue 20, docs/abi.md §7–§8) in
 * real Deno, Bun and Node 26: a guest written by hand against `data/api.wit`
 * with the canonical ABI (`data/guest.wat`), served by `data/api.c` through
 * the generated bindings, and by `data/api.rs` through the generated Rust
 * (`rustc`). The probe (`data/probe.ts`) prints what happened; every runtime
 * and both libraries must report the same.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.ts";
import { freshDir, lastJson, runUnder } from "../fuzz/harness.ts";
import { assembleWat, exec, RUNTIMES, TOOLS } from "../fuzz/tools.ts";
import { ROOT } from "../support/tmp.ts";

const SRC = join(ROOT, "test/runtime/data");
let dir = "";

beforeAll(async () => {
  dir = freshDir("data");
  mkdirSync(join(dir, "gen"));
  for (const f of generate(readFileSync(join(SRC, "api.d.ts"), "utf8"), { file: "api.d.ts", name: "api", targets: ["c", "rust", "deno", "bun", "node"] })) {
    writeFileSync(join(dir, "gen", f.path), f.contents);
  }
  const r = await exec(TOOLS.cc, ["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", `-I${join(dir, "gen")}`, "-o", join(dir, "libapi.so"), join(SRC, "api.c")]);
  if (r.code !== 0) throw new Error(`cc failed:\n${r.stderr}`);
  await assembleWat(join(SRC, "guest.wat"), join(dir, "guest.wasm"));
  copyFileSync(join(dir, "gen/api.rs"), join(dir, "api_gen.rs"));
  copyFileSync(join(SRC, "api.rs"), join(dir, "api_impl.rs"));
  const rs = await exec("rustc", ["--edition", "2021", "--crate-type", "cdylib", "-O", "-D", "warnings", "-o", join(dir, "librapi.so"), join(dir, "api_impl.rs")]);
  if (rs.code !== 0) throw new Error(`rustc failed:\n${rs.stderr}`);
}, 120_000);

type Trap = { name: string; code: number; message: string };

const CASES = RUNTIMES.flatMap((rt) => [{ rt, lib: "libapi.so", impl: "C" }, { rt, lib: "librapi.so", impl: "Rust" }]);

describe.each(CASES)("$rt, served by $impl", ({ rt, lib }) => {
  let out: Record<string, unknown> = {};
  beforeAll(async () => {
    const r = await runUnder(rt, "test/runtime/data/probe.ts", [join(dir, "gen/api.ts"), join(dir, lib), join(dir, "guest.wasm")]);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    out = lastJson(r);
  });
  const trap = (key: string) => out[key] as Trap;

  it("passes strings and bytes in, and copies string and Uint8Array results into memory from the guest's allocator", () => {
    const hello = "héllo, wörld 😀";
    expect(out.logLen).toBe(new TextEncoder().encode(hello).length);
    expect(out.upper).toBe("HéLLO, WöRLD 😀");
    expect(out.upperEmpty).toEqual({ len: 0 });
    expect(out.sum).toBe(Array.from({ length: 32 }, (_, i) => i * 7).reduce((a, b) => a + b));
    const data = Array.from({ length: 32 }, (_, i) => i * 7);
    expect(out.twice).toEqual([...data, ...data]);
    expect(out.fill).toEqual({ len: 65539, allSeven: true });
    expect(out.mallocShaped).toBe("ABC");
  });

  it("copies a result that is a view of a parameter after the allocator moved memory", () => {
    expect(out.echoAfterGrow).toEqual({ text: "héllo, wörld 😀", grew: true });
  });

  it("lets native code call guest exports re-entrantly, keeps ctx->memory current after they grow it, and turns their traps into the import's", () => {
    expect(out.call).toBe(41);
    expect(out.nest).toBe(6);
    expect(out.grow).toEqual({ seen: 6, actual: 6 });
    expect(trap("boom")).toMatchObject({ name: "HostTrap", code: -32763 });
    expect(trap("boom").message).toMatch(/^host\.call_boom: guest export "boom" trapped: RuntimeError: /);
    expect(out.afterBoom).toBe(3);
    expect(out.trapImport).toBe("host.call_boom");
    expect(trap("beforeBind")).toEqual({ name: "HostTrap", code: -32763, message: 'host.call_double: guest export "double" was called before host.bind(instance)' });
  });

  it("refuses at bind() an instance without the allocator, and takes a malloc-shaped one by name", () => {
    expect(trap("bindNoAllocator").message).toBe(
      "hostbind: bind(): host.upper, host.twice, host.echo, host.fill, host.bad_text, host.twice_set, host.huge return a string or bytes, which hostbind copies into memory "
        + 'from the guest\'s allocator, but the instance exports no function "nope": export cabi_realloc(old_ptr, old_size, align, new_size) '
        + 'or a malloc-shaped (size) -> ptr function, or name the guest\'s allocator: bind(instance, { allocator: "malloc" })',
    );
  });

  it("traps on views outside memory or not UTF-8, naming the import, offset, length and memory size", () => {
    expect(trap("outside")).toEqual({ name: "HostTrap", code: -32765, message: "host.log: string parameter msg (offset 393212, length 100) is outside guest memory (393216 bytes)" });
    expect(trap("wraps")).toEqual({ name: "HostTrap", code: -32765, message: "host.sum: Uint8Array parameter data (offset 4294967280, length 32) is outside guest memory (393216 bytes)" });
    expect(trap("notUtf8")).toEqual({ name: "HostTrap", code: -32764, message: "host.log: string parameter msg (offset 3000, length 3) is not UTF-8: byte 1 is 0xc3" });
    expect(trap("surrogate")).toMatchObject({ code: -32764, message: "host.log: string parameter msg (offset 3010, length 3) is not UTF-8: byte 0 is 0xed" });
    expect(trap("areaOutside")).toEqual({ name: "HostTrap", code: -32765, message: "host.upper: the result area (offset 393212, 8 bytes) is outside guest memory (393216 bytes)" });
  });

  it("traps on results the allocator cannot take or that are not UTF-8, and recovers after", () => {
    expect(trap("badResultText")).toEqual({ name: "HostTrap", code: -32764, message: "host.bad_text: the string result (4 bytes) is not UTF-8: byte 2 is 0xc3" });
    expect(trap("huge")).toEqual({ name: "HostTrap", code: -32762, message: "host.huge: a result of 4294967297 bytes is more than a 32-bit guest can address (4 GiB)" });
    expect(trap("setTwice")).toEqual({ name: "HostTrap", code: -32762, message: "host.twice_set: the result was handed over twice" });
    expect(trap("allocZero")).toEqual({ name: "HostTrap", code: -32762, message: "host.upper: the guest's allocator returned 0 for 19 bytes, which is not inside guest memory (393216 bytes)" });
    expect(trap("allocOutside")).toEqual({ name: "HostTrap", code: -32762, message: "host.upper: the guest's allocator returned 4294967280 for 19 bytes, which is not inside guest memory (393216 bytes)" });
    expect(trap("allocTraps")).toMatchObject({ name: "HostTrap", code: -32763 });
    expect(trap("allocTraps").message).toMatch(/^host\.upper: the guest's allocator trapped: RuntimeError: /);
    expect(out.emptyWithZero).toEqual({ value: 0 });
    expect(out.afterAll).toBe("HéLLO");
  });
});
