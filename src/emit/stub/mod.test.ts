import { describe, expect, it } from "vitest";
import { layout } from "../../layout/mod.ts";
import { CTX } from "../../layout/context.ts";
import { buildStub, stubFunctions } from "./mod.ts";
import { instantiate, wasm, wasm2wat, wasmValidate } from "../../../test/support/tools.ts";
import { conformanceDeclarations, importFunction } from "../../../test/runtime/conformance_decls.ts";
import type { Declarations } from "../../ir/types.ts";

const conformance = layout(conformanceDeclarations(), { target: "x86_64-linux" });

function decls(...fns: ReturnType<typeof importFunction>[]): Declarations {
  return { file: "t.d.ts", modules: [{ name: "env", doc: "", functions: fns, location: { file: "t.d.ts", line: 1, column: 1 } }] };
}

describe("stubFunctions", () => {
  it("lists only imports with two or more results, with absolute result offsets", () => {
    const fns = stubFunctions(conformance);
    expect(fns.map((f) => f.symbol)).toEqual(["env_divmod", "env_spread", "env_swap", "math_lib_minmax"]);
    const divmod = fns[0]!;
    expect(divmod.outOffset).toBe(CTX.size);
    expect(divmod.results).toEqual([{ type: "i32", offset: 256 }, { type: "i32", offset: 260 }]);
    // spread: i32 u32 i64 u64 f32 f64 at 0 4 8 16 24 32 (size 40), after divmod's 8 bytes.
    expect(fns[1]!.results.map((r) => r.offset - fns[1]!.outOffset)).toEqual([0, 4, 8, 16, 24, 32]);
    expect(fns[1]!.outOffset).toBe(264);
    // swap: f32 at 0, i64 at 8 (4 bytes of padding).
    expect(fns[2]!.results).toEqual([{ type: "f32", offset: 304 }, { type: "i64", offset: 312 }]);
  });
});

describe("buildStub", () => {
  it("emits a module wabt validates, shown here as text", () => {
    const stub = buildStub(conformance);
    wasmValidate(stub.bytes);
    expect(wasm2wat(stub.bytes)).toMatchInlineSnapshot(`
      "(module
        (type (;0;) (func (param i32 i32)))
        (type (;1;) (func (param i32 i32 i64 i64 f32 f64)))
        (type (;2;) (func (param i64 f32)))
        (type (;3;) (func (param f64 f64)))
        (type (;4;) (func (param i32 i32) (result i32 i32)))
        (type (;5;) (func (param i32 i32 i64 i64 f32 f64) (result i32 i32 i64 i64 f32 f64)))
        (type (;6;) (func (param i64 f32) (result f32 i64)))
        (type (;7;) (func (param f64 f64) (result f64 f64)))
        (type (;8;) (func (result i32 i32)))
        (type (;9;) (func (result i32 i32 i64 i64 f32 f64)))
        (type (;10;) (func (result f32 i64)))
        (type (;11;) (func (result f64 f64)))
        (import "hostbind" "hostbind_memory" (memory (;0;) 1 1))
        (import "hostbind" "env_divmod" (func (;0;) (type 0)))
        (import "hostbind" "env_spread" (func (;1;) (type 1)))
        (import "hostbind" "env_swap" (func (;2;) (type 2)))
        (import "hostbind" "math_lib_minmax" (func (;3;) (type 3)))
        (func (;4;) (type 4) (param i32 i32) (result i32 i32)
          (local i32 i32 i32)
          global.get 0
          local.tee 2
          i32.const 1
          i32.add
          global.set 0
          local.get 2
          if (result i32 i32)  ;; label = @1
            i32.const 0
            i32.load offset=256
            local.set 3
            i32.const 0
            i32.load offset=260
            local.set 4
            try  ;; label = @2
              local.get 0
              local.get 1
              call 0
            catch_all
              i32.const 0
              local.get 3
              i32.store offset=256
              i32.const 0
              local.get 4
              i32.store offset=260
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            i32.load offset=256
            i32.const 0
            i32.load offset=260
            i32.const 0
            local.get 3
            i32.store offset=256
            i32.const 0
            local.get 4
            i32.store offset=260
          else
            try  ;; label = @2
              local.get 0
              local.get 1
              call 0
            catch_all
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            i32.load offset=256
            i32.const 0
            i32.load offset=260
          end
          local.get 2
          global.set 0)
        (func (;5;) (type 5) (param i32 i32 i64 i64 f32 f64) (result i32 i32 i64 i64 f32 f64)
          (local i32 i32 i32 i64 i64 i32 i64)
          global.get 0
          local.tee 6
          i32.const 1
          i32.add
          global.set 0
          local.get 6
          if (result i32 i32 i64 i64 f32 f64)  ;; label = @1
            i32.const 0
            i32.load offset=264
            local.set 7
            i32.const 0
            i32.load offset=268
            local.set 8
            i32.const 0
            i64.load offset=272
            local.set 9
            i32.const 0
            i64.load offset=280
            local.set 10
            i32.const 0
            i32.load offset=288
            local.set 11
            i32.const 0
            i64.load offset=296
            local.set 12
            try  ;; label = @2
              local.get 0
              local.get 1
              local.get 2
              local.get 3
              local.get 4
              local.get 5
              call 1
            catch_all
              i32.const 0
              local.get 7
              i32.store offset=264
              i32.const 0
              local.get 8
              i32.store offset=268
              i32.const 0
              local.get 9
              i64.store offset=272
              i32.const 0
              local.get 10
              i64.store offset=280
              i32.const 0
              local.get 11
              i32.store offset=288
              i32.const 0
              local.get 12
              i64.store offset=296
              local.get 6
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            i32.load offset=264
            i32.const 0
            i32.load offset=268
            i32.const 0
            i64.load offset=272
            i32.const 0
            i64.load offset=280
            i32.const 0
            f32.load offset=288
            i32.const 0
            f64.load offset=296
            i32.const 0
            local.get 7
            i32.store offset=264
            i32.const 0
            local.get 8
            i32.store offset=268
            i32.const 0
            local.get 9
            i64.store offset=272
            i32.const 0
            local.get 10
            i64.store offset=280
            i32.const 0
            local.get 11
            i32.store offset=288
            i32.const 0
            local.get 12
            i64.store offset=296
          else
            try  ;; label = @2
              local.get 0
              local.get 1
              local.get 2
              local.get 3
              local.get 4
              local.get 5
              call 1
            catch_all
              local.get 6
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            i32.load offset=264
            i32.const 0
            i32.load offset=268
            i32.const 0
            i64.load offset=272
            i32.const 0
            i64.load offset=280
            i32.const 0
            f32.load offset=288
            i32.const 0
            f64.load offset=296
          end
          local.get 6
          global.set 0)
        (func (;6;) (type 6) (param i64 f32) (result f32 i64)
          (local i32 i32 i64)
          global.get 0
          local.tee 2
          i32.const 1
          i32.add
          global.set 0
          local.get 2
          if (result f32 i64)  ;; label = @1
            i32.const 0
            i32.load offset=304
            local.set 3
            i32.const 0
            i64.load offset=312
            local.set 4
            try  ;; label = @2
              local.get 0
              local.get 1
              call 2
            catch_all
              i32.const 0
              local.get 3
              i32.store offset=304
              i32.const 0
              local.get 4
              i64.store offset=312
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            f32.load offset=304
            i32.const 0
            i64.load offset=312
            i32.const 0
            local.get 3
            i32.store offset=304
            i32.const 0
            local.get 4
            i64.store offset=312
          else
            try  ;; label = @2
              local.get 0
              local.get 1
              call 2
            catch_all
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            f32.load offset=304
            i32.const 0
            i64.load offset=312
          end
          local.get 2
          global.set 0)
        (func (;7;) (type 7) (param f64 f64) (result f64 f64)
          (local i32 i64 i64)
          global.get 0
          local.tee 2
          i32.const 1
          i32.add
          global.set 0
          local.get 2
          if (result f64 f64)  ;; label = @1
            i32.const 0
            i64.load offset=320
            local.set 3
            i32.const 0
            i64.load offset=328
            local.set 4
            try  ;; label = @2
              local.get 0
              local.get 1
              call 3
            catch_all
              i32.const 0
              local.get 3
              i64.store offset=320
              i32.const 0
              local.get 4
              i64.store offset=328
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            f64.load offset=320
            i32.const 0
            f64.load offset=328
            i32.const 0
            local.get 3
            i64.store offset=320
            i32.const 0
            local.get 4
            i64.store offset=328
          else
            try  ;; label = @2
              local.get 0
              local.get 1
              call 3
            catch_all
              local.get 2
              global.set 0
              rethrow 0 (;@2;)
            end
            i32.const 0
            f64.load offset=320
            i32.const 0
            f64.load offset=328
          end
          local.get 2
          global.set 0)
        (global (;0;) (mut i32) (i32.const 0))
        (export "env_divmod" (func 4))
        (export "env_spread" (func 5))
        (export "env_swap" (func 6))
        (export "math_lib_minmax" (func 7)))
      "
    `);
  });

  it("is deterministic", () => {
    expect(buildStub(conformance).bytes).toEqual(buildStub(layout(conformanceDeclarations(), { target: "x86_64-linux" })).bytes);
  });

  it("only imports the memory when no import has two or more results", () => {
    const stub = buildStub(layout(decls(importFunction("env", ["now", [], [[null, "f64"]]])), { target: "x86_64-linux" }));
    expect(stub.functions).toEqual([]);
    expect(wasm2wat(stub.bytes)).toBe('(module\n  (import "hostbind" "hostbind_memory" (memory (;0;) 1 1)))\n');
  });

  it("calls the wrapper with the guest's arguments and returns what native code wrote", () => {
    const stub = buildStub(conformance);
    const memory = new wasm.Memory({ initial: stub.pages, maximum: stub.pages });
    const view = new DataView(memory.buffer);
    const seen: unknown[][] = [];
    const wrappers: Record<string, (...args: never[]) => void> = {
      // Each out-path wrapper gets the guest's arguments, as the guest passed them.
      env_divmod: (a: number, b: number) => {
        seen.push([a, b]);
        view.setInt32(256, Math.trunc(a / b), true);
        view.setInt32(260, a % b, true);
      },
      env_spread: (a: number, b: number, c: bigint, d: bigint, e: number, f: number) => {
        seen.push([a, b, c, d, e, f]);
        const o = 264;
        view.setInt32(o, a + 1, true);
        view.setUint32(o + 4, b - 1, true);
        view.setBigInt64(o + 8, c * 2n, true);
        view.setBigUint64(o + 16, BigInt.asUintN(64, d + 1n), true);
        view.setFloat32(o + 24, e * 2, true);
        view.setFloat64(o + 32, -f, true);
      },
      env_swap: () => {
        view.setFloat32(304, 1.5, true);
        view.setBigInt64(312, -5n, true);
      },
      math_lib_minmax: () => {},
    };
    const e = instantiate(stub.bytes, { hostbind: { hostbind_memory: memory, ...wrappers } }) as Record<string, (...args: unknown[]) => unknown>;
    expect(e.env_divmod!(17, 5)).toEqual([3, 2]);
    expect(e.env_spread!(1, 10, 21n, -1n, 1.25, 2)).toEqual([2, 9, 42n, 0n, 2.5, -2]);
    expect(e.env_swap!(0n, 0)).toEqual([1.5, -5n]);
    expect(seen).toEqual([[17, 5], [1, 10, 21n, -1n, 1.25, 2]]);
  });

  it("keeps an outer call's results while a nested call of the same import runs, also when the nested one throws", () => {
    const stub = buildStub(conformance);
    const memory = new wasm.Memory({ initial: stub.pages, maximum: stub.pages });
    const view = new DataView(memory.buffer);
    const trap = new Error("trap");
    let e: Record<string, (...args: unknown[]) => unknown> = {};
    const inner: unknown[] = [];
    // Like native code: write the results first, then call back in (a > 1), and a = 0 traps after writing.
    const env_divmod = (a: number, b: number) => {
      view.setInt32(256, a, true);
      view.setInt32(260, b, true);
      if (a === 0) throw trap;
      if (a > 1) inner.push(e.env_divmod!(a - 1, b * 10));
      if (a === 3) {
        try {
          e.env_divmod!(0, -1);
        } catch (error) {
          inner.push(error);
        }
      }
    };
    const others = { env_spread: () => {}, env_swap: () => {}, math_lib_minmax: () => {} };
    e = instantiate(stub.bytes, { hostbind: { hostbind_memory: memory, env_divmod, ...others } }) as typeof e;
    expect(e.env_divmod!(3, 1)).toEqual([3, 1]);
    // The inner calls' own results, and the trap rethrown as it was.
    expect(inner).toEqual([[1, 100], [2, 10], trap]);
    // The depth is back at 0, also after a throw at depth 0: a call then leaves its results in the
    // out-area (a call the stub took for nested would put the previous contents back after it).
    expect(() => e.env_divmod!(0, 0)).toThrow(trap);
    expect(e.env_divmod!(5, 7)).toEqual([5, 7]);
    expect([view.getInt32(256, true), view.getInt32(260, true)]).toEqual([5, 7]);
  });

  it("saves a nested call's outer results as integers: NaN payloads survive bit for bit", () => {
    const stub = buildStub(conformance);
    const memory = new wasm.Memory({ initial: stub.pages, maximum: stub.pages });
    const view = new DataView(memory.buffer);
    let e: Record<string, (...args: unknown[]) => unknown> = {};
    // env_swap: (i64, f32) -> (f32, i64), results at 304 and 312; the outer writes a signalling NaN.
    const env_swap = (a: bigint) => {
      view.setUint32(304, 0x7f800001, true);
      view.setBigInt64(312, a, true);
      if (a > 0n) e.env_swap!(a - 1n, 0);
    };
    const others = { env_divmod: () => {}, env_spread: () => {}, math_lib_minmax: () => {} };
    e = instantiate(stub.bytes, { hostbind: { hostbind_memory: memory, env_swap, ...others } }) as typeof e;
    e.env_swap!(1n, 0);
    expect(view.getUint32(304, true)).toBe(0x7f800001);
    expect(view.getBigInt64(312, true)).toBe(1n);
  });
});
