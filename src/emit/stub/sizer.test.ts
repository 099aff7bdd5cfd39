import { describe, expect, it } from "vitest";
import { buildSizer, SIZER_EXPORT, SIZER_IMPORT, SIZER_KINDS, sizerKind } from "./sizer.ts";
import { wasm2wat } from "../../../test/support/tools.ts";

/** The slice of the WebAssembly JS API this test uses (the project's tsconfig has no DOM lib). */
interface Api {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum?: number; shared?: boolean }) => { grow(n: number): number };
  LinkError: new () => Error;
}
const WA = (globalThis as unknown as { WebAssembly: Api }).WebAssembly;

/** `pages()` of the sizer of `kind` index `i` bound to `memory`. */
function pagesOf(i: number, memory: object): () => number {
  const instance = new WA.Instance(new WA.Module(buildSizer(sizerKind(i))), { [SIZER_IMPORT.module]: { [SIZER_IMPORT.field]: memory } });
  return instance.exports[SIZER_EXPORT] as () => number;
}

describe("memory sizers", () => {
  it("index the four kinds: bit 0 shared, bit 1 64-bit addresses", () => {
    expect(Array.from({ length: SIZER_KINDS }, (_, i) => sizerKind(i))).toEqual([
      { shared: false, address: "i32" },
      { shared: true, address: "i32" },
      { shared: false, address: "i64" },
      { shared: true, address: "i64" },
    ]);
  });

  it("declare each kind's import and read memory.size (wrapped to i32 for 64-bit addresses)", () => {
    const wat = (i: number) => wasm2wat(buildSizer(sizerKind(i)), ["--enable-threads", "--enable-memory64"]);
    expect(wat(0)).toContain('(import "hostbind" "memory" (memory (;0;) 0))');
    expect(wat(1)).toContain('(import "hostbind" "memory" (memory (;0;) 0 65536 shared))');
    expect(wat(2)).toContain('(import "hostbind" "memory" (memory (;0;) i64 0))');
    expect(wat(3)).toContain('(import "hostbind" "memory" (memory (;0;) i64 0 262144 shared))');
    expect(wat(0)).toContain('(export "pages" (func 0))');
    expect(wat(0)).toMatch(/\(func \(;0;\) \(type 0\) \(result i32\)\s+memory\.size\)/);
    expect(wat(3)).toMatch(/memory\.size\s+i32\.wrap_i64\)/);
  });

  it("follow a memory of their kind as it grows", () => {
    const ordinary = new WA.Memory({ initial: 2 });
    const pages = pagesOf(0, ordinary);
    expect(pages()).toBe(2);
    ordinary.grow(3);
    expect(pages()).toBe(5);
    const shared = new WA.Memory({ initial: 1, maximum: 65536, shared: true });
    const sharedPages = pagesOf(1, shared);
    shared.grow(1);
    expect(sharedPages()).toBe(2);
  });

  it("link to no memory of another kind", () => {
    expect(() => pagesOf(1, new WA.Memory({ initial: 1 }))).toThrow(WA.LinkError);
    expect(() => pagesOf(0, new WA.Memory({ initial: 1, maximum: 1, shared: true }))).toThrow(WA.LinkError);
  });
});
