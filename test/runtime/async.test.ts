/**
 * Async imports (issue 23, docs/abi.md §9) in real Deno, Bun and Node 26:
 * a C library whose functions block (sleeps, a barrier), called by a WAT
 * guest through `host.promising()`. The probe (`async/probe.ts`) checks
 * results by value, tuple and string argument; a trap rejecting the guest
 * call as `HostTrap`; the event loop running during a native sleep; four
 * guests in flight at once (a native barrier sees all four, no timing);
 * a call into the guest from async native code trapping instead of
 * reaching JS off its thread; the runtime's SuspendError without
 * promising(); a re-entrant call refused; and close() during a call, which
 * fails the call and runs the library's close function only after the
 * native function returned (also with a string result copied aside, which
 * is then freed without calling the guest's allocator). The same probe runs against the library in C
 * (`async/async.c`) and in Rust (`async/async.rs`, against the generated
 * `.rs`, with std's Mutex and Condvar).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { freshDir, lastJson, runUnder } from "../fuzz/harness.ts";
import { assembleWat, exec, RUNTIMES, TOOLS } from "../fuzz/tools.ts";
import { runMain } from "../support/cli_main.ts";
import { ROOT } from "../support/tmp.ts";

const SRC = join(ROOT, "test/runtime/async");
let dir = "";

beforeAll(async () => {
  dir = freshDir("async");
  const r = runMain(["generate", join(SRC, "async.d.ts"), "--out-dir", dir, "--targets", "c,deno,bun,node,rust"]);
  if (r.code !== 0) throw new Error(r.stderr);
  const cc = await exec(TOOLS.cc, ["-std=c11", "-D_DEFAULT_SOURCE", "-O1", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-pthread", `-I${dir}`, "-o", join(dir, "libasync.so"), join(SRC, "async.c")]);
  if (cc.code !== 0) throw new Error(cc.stderr);
  // The Rust library sits beside the generated async.rs, which it includes.
  copyFileSync(join(SRC, "async.rs"), join(dir, "lib.rs"));
  const rs = await exec("rustc", ["--edition", "2024", "--crate-type", "cdylib", "-O", "-D", "warnings", "-o", join(dir, "libasync_rs.so"), join(dir, "lib.rs")]);
  if (rs.code !== 0) throw new Error(`rustc failed:\n${rs.stderr}`);
  await assembleWat(join(SRC, "guest.wat"), join(dir, "guest.wasm"));
});

describe("Node: async imports on libuv's thread pool", () => {
  it("async imports run under --permission with --allow-ffi alone: libuv's thread pool, no Worker", async () => {
    const r = await exec(TOOLS.node, [
      "--disable-warning=ExperimentalWarning", "--disable-warning=SecurityWarning", "--permission", `--allow-fs-read=${ROOT}`, `--allow-fs-read=${dir}`, "--allow-ffi",
      join(ROOT, "test/runtime/async/probe.ts"), join(dir, "async.ts"), join(dir, "libasync.so"), join(dir, "guest.wasm"),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const o = lastJson<Record<string, unknown>>(r);
    expect(o.results).toEqual({ divmod: 3002, peek: 5097, mixed: 43, upper: 5067 });
    expect(o.gathered).toEqual([4, 4, 4, 4]);
  });

  it("runs as many async calls at once as UV_THREADPOOL_SIZE gives libuv's pool threads", async () => {
    const r = await exec(TOOLS.node, [
      "--disable-warning=ExperimentalWarning", join(ROOT, "test/runtime/async/pool_probe.ts"), join(dir, "async.ts"), join(dir, "libasync.so"), join(dir, "guest.wasm"), "8",
    ], { env: { UV_THREADPOOL_SIZE: "8" } });
    expect(r.code, r.stderr).toBe(0);
    // The native barrier saw all eight calls in flight together (the default pool has four threads).
    expect(lastJson(r)).toEqual({ seen: [8, 8, 8, 8, 8, 8, 8, 8] });
  });
});

describe.each(RUNTIMES)("%s", (rt) => {
  it.each([["C", "libasync.so"], ["Rust", "libasync_rs.so"]])("serves async imports off the JS thread while the guest waits, with traps, concurrency and close() (%s)", async (_lang, lib) => {
    const r = await runUnder(rt, "test/runtime/async/probe.ts", [join(dir, "async.ts"), join(dir, lib), join(dir, "guest.wasm")]);
    expect(r.code, r.stderr).toBe(0);
    const o = lastJson<Record<string, unknown>>(r);
    expect(o.slept).toBe(200);
    expect(o.ticked).toBe(true);
    // divmod(17, 5) → 3 r 2; peek("async") → 5 bytes, 'a'; mixed(40) → 40 + sleep(1) = 2, + 1.
    // upper("async") → "ASYNC": 5 bytes, the last 'C' (67), in memory from the guest's allocator.
    expect(o.results).toEqual({ divmod: 3002, peek: 5097, mixed: 43, upper: 5067 });
    expect(o.trap).toEqual({ name: "HostTrap", message: "aio.divmod: division by zero", import: "aio.divmod" });
    expect(o.fenced).toEqual({
      name: "HostTrap",
      message: "aio.call_guest: guest.ping: not callable from an async import (its native function runs off the JS thread while the guest is suspended)",
      import: "aio.call_guest",
    });
    expect(o.plain).toBe("SuspendError");
    expect((o.reentered as { message: string }).message).toMatch(/^hostbind: a call into the guest while the guest is suspended in the async import aio\.sleep: /);
    expect(o.gathered).toEqual([4, 4, 4, 4]);
    expect(o.closed).toEqual({ name: "Error", message: "hostbind: the native library is closed; load() it again to call its imports" });
    expect(o.closedUpper).toEqual(o.closed);
    // The four gathering Hosts closed with three sleeps done; the last Host's close function ran after its
    // in-flight sleep (the fourth) had returned.
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("closed after"))).toEqual([
      "closed after 3 sleeps", "closed after 3 sleeps", "closed after 3 sleeps", "closed after 3 sleeps", "closed after 3 sleeps", "closed after 4 sleeps",
    ]);
  });

  it("serves async imports to a Host in a Worker thread while the main thread's Host runs its own", async () => {
    const r = await runUnder(rt, "test/runtime/async/worker_probe.ts", [join(dir, "async.ts"), join(dir, "libasync.so"), join(dir, "guest.wasm")]);
    expect(r.code, r.stderr).toBe(0);
    // sleep(30) → 60; divmod(17, 5) → 3 r 2, as the guest packs it: 3002.
    expect(lastJson(r)).toEqual({ main: [60, 3002], worker: [60, 3002] });
  });
});
