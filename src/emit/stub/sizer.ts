/**
 * The memory sizer: a module of a few dozen bytes that imports a guest
 * memory and exports `pages()`, its size in 64 KiB pages (`memory.size`).
 *
 * Why it exists: a shared memory (or a resizable buffer) never detaches its
 * buffer when it grows, and another thread may grow it at any time, so the
 * generated bindings read its size at every call. Read from JS that is
 * `memory.buffer.byteLength`, a call into the engine (16–23 ns on V8 for a
 * shared memory, measured; a length-tracking view of a growable buffer is no
 * cheaper there); read in wasm it is one instruction behind an ordinary call
 * of a wasm export (3–8 ns on all three runtimes). The bindings instantiate
 * the sizer at `bind()` for such a memory only: an ordinary memory keeps its
 * one-comparison check.
 *
 * An import declares its memory's kind, so there is one sizer per kind:
 * shared or not, 32- or 64-bit addresses. Each declares a minimum of 0 and,
 * when shared (a shared memory has a maximum), the largest maximum a memory
 * of its kind can have, so it links to every memory of its kind.
 *
 * @example
 * ```ts
 * import { buildSizer, sizerKind, SIZER_IMPORT } from "./sizer.ts";
 * const memory = new WebAssembly.Memory({ initial: 2, maximum: 4, shared: true });
 * const bytes = buildSizer({ shared: true, address: "i32" });
 * const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
 *   [SIZER_IMPORT.module]: { [SIZER_IMPORT.field]: memory },
 * });
 * (instance.exports.pages as () => number)(); // 2
 * sizerKind(3); // { shared: true, address: "i64" }
 * ```
 * @module
 */
import { ByteWriter, codeEntry, EXTERNAL, funcType, OP, PREAMBLE, section, SECTION } from "./encoder.ts";

/** What a sizer's memory import is named. */
export const SIZER_IMPORT = { module: "hostbind", field: "memory" } as const;

/** The name of a sizer's one export: `() -> i32`, the memory's size in pages. */
export const SIZER_EXPORT = "pages";

/** A kind of guest memory, as an import must declare it. */
export interface SizerKind {
  readonly shared: boolean;
  /** `i64` for a memory64 memory (64-bit addresses). */
  readonly address: "i32" | "i64";
}

/** How many kinds there are: the sizers are indexed 0..3 by {@link sizerKind}. */
export const SIZER_KINDS = 4;

/**
 * The kind of index `i`: bit 0 shared, bit 1 64-bit addresses (the index
 * the generated bindings compute from a memory).
 *
 * @example
 * ```ts
 * sizerKind(1); // { shared: true, address: "i32" }
 * ```
 */
export function sizerKind(i: number): SizerKind {
  return { shared: (i & 1) !== 0, address: (i & 2) !== 0 ? "i64" : "i32" };
}

/**
 * The largest maximum a shared memory of each address type can have, in
 * pages: 4 GiB for 32-bit addresses; for 64-bit ones V8's limit (16 GiB),
 * which refuses to compile a larger declaration (the spec allows 2^48 pages;
 * Deno and Node run memory64, Bun does not).
 */
const MAX_PAGES = { i32: 65536, i64: 262144 } as const;

/**
 * The sizer module for memories of `kind`: imports `hostbind.memory`,
 * exports `pages()` (`memory.size`, wrapped to i32 for a memory64 memory:
 * 2^31 pages would be 128 TiB).
 *
 * @example
 * ```ts
 * buildSizer({ shared: false, address: "i32" }).length; // 42
 * ```
 */
export function buildSizer(kind: SizerKind): Uint8Array<ArrayBuffer> {
  // Limits flags: bit 0 has a maximum, bit 1 shared, bit 2 64-bit addresses.
  const wide = kind.address === "i64";
  const flags = (kind.shared ? 0x03 : 0x00) | (wide ? 0x04 : 0x00);
  const limits = new ByteWriter().byte(flags).u32(0);
  if (kind.shared) limits.u64(MAX_PAGES[kind.address]);
  const importSec = new ByteWriter().u32(1)
    .name(SIZER_IMPORT.module).name(SIZER_IMPORT.field).byte(EXTERNAL.memory).raw(limits.bytes());
  const body = new ByteWriter().byte(OP.memorySize).byte(0);
  if (wide) body.byte(OP.i32WrapI64);
  return new ByteWriter().raw(PREAMBLE)
    .raw(section(SECTION.type, new ByteWriter().u32(1).raw(funcType([], ["i32"])).bytes()))
    .raw(section(SECTION.import, importSec.bytes()))
    .raw(section(SECTION.function, new ByteWriter().u32(1).u32(0).bytes()))
    .raw(section(SECTION.export, new ByteWriter().u32(1).name(SIZER_EXPORT).byte(EXTERNAL.func).u32(0).bytes()))
    .raw(section(SECTION.code, new ByteWriter().u32(1).raw(codeEntry(body.bytes())).bytes()))
    .bytes();
}
