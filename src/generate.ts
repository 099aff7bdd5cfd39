/**
 * The library's main entry: declarations in, generated files out, nothing
 * touched on disk. Options are resolved once here into an {@link EmitContext}
 * so every stage downstream sees complete, checked settings.
 *
 * @example
 * ```ts
 * import { generate } from "./generate.ts";
 * const files = generate(`export declare namespace env {
 *   function divmod(a: i32, b: i32): [quot: i32, rem: i32];
 * }`, { file: "divmod.d.ts", lib: "./libdivmod" });
 * files.map((f) => f.path); // ["divmod.h", "divmod.deno.ts", "divmod.bun.ts"]
 * ```
 * @module
 */
import { HostbindError } from "./errors.ts";
import type { Declarations } from "./ir/types.ts";
import { validateDeclarations } from "./ir/validate.ts";
import { parseDeclarations, parseWasm } from "./parse/mod.ts";
import { createEmitContext, type EmitContext } from "./emit/context.ts";
import { emitHeader } from "./emit/c/mod.ts";
import { emitDeno } from "./emit/deno/mod.ts";
import { emitBun } from "./emit/bun/mod.ts";
import { emitRust } from "./emit/rust/mod.ts";
import { type TsModel, tsModel } from "./emit/ts/model.ts";

/** The kinds of output `generate` can produce. */
export type OutputKind = "c" | "deno" | "bun" | "rust";

/** Every output kind, in the order files are returned. */
export const OUTPUT_KINDS: readonly OutputKind[] = ["c", "deno", "bun", "rust"];

/** The outputs produced when none are named (Rust is opt-in). */
export const DEFAULT_OUTPUT_KINDS: readonly OutputKind[] = ["c", "deno", "bun"];

/** One generated file. */
export interface GeneratedFile {
  /** Path relative to the output directory (just the file name, e.g. `divmod.h`). */
  path: string;
  /** The whole file. */
  contents: string;
}

/** Options of {@link generate}; all optional. */
export interface GenerateOptions {
  /**
   * The input's path, used in error locations and for the default `name`.
   * A name ending in `.wasm` marks binary input.
   * @default "input.d.ts"
   */
  file?: string;
  /**
   * Base name of the outputs.
   * @default the input's file name without its extensions (`divmod.d.ts` → `divmod`)
   */
  name?: string;
  /**
   * The shared library `load()` opens when given no path, relative to the
   * generated files; the platform's extension is added when it has none.
   * @default none: `load()` then needs a path
   */
  lib?: string;
  /**
   * Which outputs to produce (`"rust"` adds `NAME.rs`).
   * @default ["c", "deno", "bun"]
   */
  targets?: readonly OutputKind[];
}

/** Each output's file suffix and emitter; the Deno and Bun emitters share one TS model. */
const EMITTERS: Record<OutputKind, { ext: string; emit: (cx: EmitContext, model: () => TsModel) => string }> = {
  c: { ext: ".h", emit: (cx) => emitHeader(cx) },
  deno: { ext: ".deno.ts", emit: (cx, model) => emitDeno(cx, model()) },
  bun: { ext: ".bun.ts", emit: (cx, model) => emitBun(cx, model()) },
  rust: { ext: ".rs", emit: (cx) => emitRust(cx) },
};

/**
 * Parses and validates `source` (declaration text, or the bytes of a `.wasm`
 * module) and returns the generated files. Throws {@link HostbindError} for
 * any mistake in the input or options.
 */
export function generate(source: string | Uint8Array, options: GenerateOptions = {}): GeneratedFile[] {
  const file = options.file ?? "input.d.ts";
  const decls = readDeclarations(source, file);
  const cx = resolveContext(decls, options);
  const kinds = resolveTargets(options.targets);
  let model: TsModel | undefined;
  const shared = () => (model ??= tsModel(cx));
  return OUTPUT_KINDS.filter((k) => kinds.has(k)).map((k) => ({
    path: cx.name + EMITTERS[k].ext,
    contents: EMITTERS[k].emit(cx, shared),
  }));
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * The input's path, used in error locations.
   * @default "input.d.ts" for text, "input.wasm" for bytes
   */
  file?: string;
}

/**
 * The first stage on its own, for tools built on hostbind: declaration text
 * (or `.wasm` bytes) to validated IR — plain data, ready for {@link layout}.
 *
 * @example
 * ```ts
 * import { layout, parse } from "hostbind";
 * const decls = parse("export declare namespace env { function f(a: i32): [i32, f64]; }");
 * const l = layout(decls, { target: "i686-linux" });
 * l.imports[0].result?.size; // 12 on i686-linux (f64 aligns to 4 in structs), 16 on x86_64
 * ```
 */
export function parse(source: string | Uint8Array, options: ParseOptions = {}): Declarations {
  const file = options.file ?? (typeof source === "string" ? "input.d.ts" : "input.wasm");
  return readDeclarations(source, file);
}

/** Parses and validates an input into the IR (text → TS declarations, bytes → wasm). */
export function readDeclarations(source: string | Uint8Array, file: string): Declarations {
  const decls = typeof source === "string" ? parseDeclarations(source, file) : parseWasm(source, file);
  validateDeclarations(decls);
  return decls;
}

/** The default output name for an input path: its base name without extensions. */
export function defaultName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(d\.ts|d\.mts|ts|mts|wasm)$/, "");
  return stem === "" ? "bindings" : stem;
}

function resolveContext(decls: Declarations, options: GenerateOptions): EmitContext {
  const name = options.name ?? defaultName(decls.file);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    throw new HostbindError(`Invalid output name \`${name}\`: expected letters, digits, \`_\`, \`.\` or \`-\``, {
      hint: "Pass --name with a plain file name such as `divmod`.",
    });
  }
  const lib = options.lib === undefined ? undefined : options.lib.replace(/\\/g, "/");
  if (lib === "") {
    throw new HostbindError("Empty library path", { hint: "Pass --lib with a path such as `./libdivmod`." });
  }
  return createEmitContext(decls, name, lib);
}

function resolveTargets(targets: readonly string[] | undefined): Set<OutputKind> {
  const list = targets ?? DEFAULT_OUTPUT_KINDS;
  if (list.length === 0) {
    throw new HostbindError("No output targets given", { hint: `Use one or more of: ${OUTPUT_KINDS.join(", ")}.` });
  }
  for (const t of list) {
    if (!(OUTPUT_KINDS as readonly string[]).includes(t)) {
      throw new HostbindError(`Unknown output target \`${t}\``, {
        hint: `Use one or more of: ${OUTPUT_KINDS.join(", ")}.`,
      });
    }
  }
  return new Set(list as OutputKind[]);
}
