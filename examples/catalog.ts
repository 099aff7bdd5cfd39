/**
 * The table of hostbind's examples: what each one declares, which native
 * source it compiles, and what its guest is. `build.ts` reads it; adding an
 * example means adding a folder and a row here.
 *
 * @example
 * ```ts
 * import { EXAMPLES } from "./catalog.ts";
 * EXAMPLES.map((e) => e.name); // ["c-divmod", "rust-pair", "guest-memory", "assemblyscript", "c-wasi", "c-files", "async-io", "wit-greeter", "libm"]
 * ```
 * @module
 */

/** How to build one example, with paths relative to its folder. */
export interface ExampleSpec {
  /** The folder under `examples/`. */
  name: string;
  /** One line on what it shows. */
  summary: string;
  /** The declarations file given to `hostbind generate`. */
  decl: string;
  /** The `--name` of the generated files (`gen/NAME.h`, `gen/NAME.deno.ts`, `gen/NAME.bun.ts`, `gen/NAME.node.ts`, `gen/NAME.ts`). */
  bindings: string;
  /**
   * The native library, built into `build/lib<lib>.so` (`.dylib`, `.dll`) and
   * passed to hostbind as `--lib ../build/lib<lib>`; absent when the example
   * binds a system library.
   */
  native?: { lang: "c" | "rust"; source: string; lib: string };
  /**
   * The guest, compiled to `build/guest.wasm`: a `.wat` text module (wabt's
   * `wat2wasm`), an AssemblyScript `.ts` entry (`asc`, both from npm), or a C
   * program for wasm32-wasi (Debian's clang, lld and wasi-libc).
   */
  guest: string;
  /** Import modules the host application serves itself (`--exclude-module`), e.g. WASI. @default none */
  exclude?: readonly string[];
  /** The `--targets` to generate. @default the CLI's default (c,deno,bun,node) */
  targets?: string;
  /** A C guest built as a WASI reactor (`-mexec-model=reactor`: exports, no `main`). @default false */
  reactor?: boolean;
}

/** Every example, smallest first. */
export const EXAMPLES: readonly ExampleSpec[] = [
  {
    name: "c-divmod",
    summary: "the smallest end to end: a C library serving 2-, 1- and 0-result imports",
    decl: "divmod.d.ts",
    bindings: "divmod",
    native: { lang: "c", source: "divmod.c", lib: "divmod" },
    guest: "guest.wat",
  },
  {
    name: "rust-pair",
    summary: "a Rust cdylib filling #[repr(C)] result structs through the out-pointer",
    decl: "pair.d.ts",
    bindings: "pair",
    native: { lang: "rust", source: "pair.rs", lib: "pair" },
    guest: "guest.wat",
    targets: "c,deno,bun,node,rust",
  },
  {
    name: "guest-memory",
    summary: "native code reading and writing guest memory, before and after memory.grow, and trapping",
    decl: "memory.d.ts",
    bindings: "memory",
    native: { lang: "c", source: "memory.c", lib: "guestmem" },
    guest: "guest.wat",
  },
  {
    name: "assemblyscript",
    summary: "a guest compiled by AssemblyScript's asc: console.log-style and abort imports served natively, AS strings read in C",
    decl: "guest.d.ts",
    bindings: "guest",
    native: { lang: "c", source: "strings.c", lib: "asguest" },
    guest: "assembly/index.ts",
  },
  {
    name: "c-wasi",
    summary: "a C program compiled to wasm32-wasi by clang: WASI from the runtime (node:wasi), its own imports (one with two results) from a native library",
    decl: "native.d.ts",
    bindings: "native",
    native: { lang: "c", source: "native.c", lib: "wasinative" },
    guest: "guest.c",
    exclude: ["wasi_snapshot_preview1"],
  },
  {
    name: "c-files",
    summary: "strings and bytes both ways: a wasm32-wasi C guest calls log(string) and read_file(string): Uint8Array, served by C; the result lands in memory from the guest's cabi_realloc",
    decl: "plugin.d.ts",
    bindings: "plugin",
    native: { lang: "c", source: "native.c", lib: "plugin" },
    guest: "guest.c",
    exclude: ["wasi_snapshot_preview1"],
  },
  {
    name: "async-io",
    summary: "an async import: a wasm32-wasi C guest reads files through fs.read(): Promise<i32>, a blocking C function run off the JS thread while the guest waits and a timer keeps firing",
    decl: "files.d.ts",
    bindings: "files",
    native: { lang: "c", source: "native.c", lib: "files" },
    guest: "guest.c",
    reactor: true,
  },
  {
    name: "wit-greeter",
    summary: "a guest written against a WIT interface with the canonical ABI exchanges strings with a Rust library, which calls back into the guest's exports",
    decl: "greeter.d.ts",
    bindings: "greeter",
    native: { lang: "rust", source: "greeter.rs", lib: "greeter" },
    guest: "guest.wat",
    targets: "c,deno,bun,node,rust",
  },
  {
    name: "libm",
    summary: "existing C functions (hypot, cbrt, pow) bound with @symbol and @noctx, no native code of our own",
    decl: "libm.d.ts",
    bindings: "libm",
    guest: "guest.wat",
  },
];
