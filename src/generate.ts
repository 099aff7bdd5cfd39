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
 * files.map((f) => f.path); // ["divmod.h", "divmod.deno.ts", "divmod.bun.ts", "divmod.node.ts", "divmod.ts"]
 * ```
 * @module
 */
import { HostbindError, throwIfAny } from "./errors.ts";
import type { Declarations } from "./ir/types.ts";
import { excludeImports, excludeModules, prefixSymbols } from "./ir/select.ts";
import { validateDeclarations } from "./ir/validate.ts";
import { readDts, readWasm } from "./parse/mod.ts";
import { createEmitContext, type EmitContext, GENERATED_BANNER } from "./emit/context.ts";
import { emitHeader } from "./emit/c/mod.ts";
import { DENO, emitDeno } from "./emit/deno/mod.ts";
import { BUN, emitBun } from "./emit/bun/mod.ts";
import { emitNode, NODE } from "./emit/node/mod.ts";
import { emitEntry } from "./emit/ts/entry.ts";
import { emitCSkeleton } from "./emit/skeleton/c.ts";
import { emitRustSkeleton } from "./emit/skeleton/rust.ts";
import type { Dialect } from "./emit/ts/dialect.ts";
import { emitRust } from "./emit/rust/mod.ts";
import { type TsModel, tsModel } from "./emit/ts/model.ts";
import { MAX_BUN_ARGS, type MemoryPathRule } from "./layout/paths.ts";
import { DEFAULT_OUTPUT_KINDS, defaultName, type GeneratedFile, type GenerateOptions, OUTPUT_KINDS, type OutputKind, type ParseOptions } from "./options.ts";

export {
  DEFAULT_OUTPUT_KINDS,
  defaultName,
  type GeneratedFile,
  type GenerateOptions,
  OUTPUT_KINDS,
  type OutputKind,
  type ParseOptions,
} from "./options.ts";

/** Each output's file suffix and emitter; TS emitters with the same call paths share one TS model. */
const EMITTERS: Record<OutputKind, { ext: string; emit: (cx: EmitContext, model: (rule: MemoryPathRule) => TsModel) => string }> = {
  c: { ext: ".h", emit: (cx) => emitHeader(cx) },
  deno: { ext: ".deno.ts", emit: (cx, model) => emitDeno(cx, model(DENO.memoryPath)) },
  bun: { ext: ".bun.ts", emit: (cx, model) => emitBun(cx, model(BUN.memoryPath)) },
  node: { ext: ".node.ts", emit: (cx, model) => emitNode(cx, model(NODE.memoryPath)) },
  rust: { ext: ".rs", emit: (cx) => emitRust(cx) },
};

/**
 * A `@noctx` import whose native function takes more arguments than Bun's
 * FFI does cannot be served on Bun: it has no shim to take the memory path
 * through (every other import that long does). One error naming each.
 */
function refuseTooManyBunArgs(cx: EmitContext): void {
  const errors = cx.layout.imports.filter((imp) => imp.fn.noctx && imp.params.length > MAX_BUN_ARGS).map((imp) =>
    new HostbindError(
      `\`${imp.fn.module}.${imp.fn.name}\` takes ${imp.params.length} arguments, and Bun's FFI takes at most ${MAX_BUN_ARGS} in a call; `
        + "as a @noctx import it has no call shim to pass them through memory instead",
      {
        location: imp.fn.location,
        hint: "Remove `@noctx` (the import then takes the memory path on Bun, with any number of parameters), or generate without the bun target (`--targets c,deno,node`).",
      },
    )
  );
  throwIfAny(errors);
}

/**
 * Generates every requested output for `input`: declaration text, the bytes
 * of a `.wasm` module, or declarations already read by
 * {@link parseDeclarations} or {@link parseWasm} (so a caller that parsed
 * once does not parse again). Throws {@link HostbindError} for any mistake
 * in the input or options.
 */
export function generate(input: string | Uint8Array | Declarations, options: GenerateOptions = {}): GeneratedFile[] {
  const cx = resolveContext(readInput(input, options), options);
  const kinds = resolveTargets(options.targets);
  if (kinds.has("bun")) refuseTooManyBunArgs(cx);
  const models = new Map<MemoryPathRule, TsModel>();
  const shared = (rule: MemoryPathRule): TsModel => {
    const model = models.get(rule) ?? tsModel(cx, rule);
    models.set(rule, model);
    return model;
  };
  const files = OUTPUT_KINDS.filter((k) => kinds.has(k)).map((k) => ({
    path: cx.name + EMITTERS[k].ext,
    contents: EMITTERS[k].emit(cx, shared),
  }));
  // With any TS bindings comes the runtime-neutral entry that picks among them.
  const dialects = TS_DIALECTS.filter(([k]) => kinds.has(k)).map(([, d]) => d);
  if (dialects.length > 0) files.push({ path: `${cx.name}.ts`, contents: emitEntry(cx, dialects, shared(dialects[0]!.memoryPath)) });
  return files;
}

/**
 * Every file `generate` can write for output name `name`, whatever the
 * targets: what `--check` looks for to report a file an earlier run wrote
 * that this one no longer would (a dropped target).
 *
 * @example
 * ```ts
 * allOutputPaths("env"); // ["env.h", "env.deno.ts", "env.bun.ts", "env.node.ts", "env.rs", "env.ts"]
 * ```
 */
export function allOutputPaths(name: string): string[] {
  return [...OUTPUT_KINDS.map((k) => name + EMITTERS[k].ext), `${name}.ts`];
}

export { GENERATED_BANNER };

/** The TS bindings `NAME.ts` can load, in the order it tries their runtimes. */
const TS_DIALECTS: readonly (readonly [OutputKind, Dialect])[] = [["deno", DENO], ["bun", BUN], ["node", NODE]];

/** Options of {@link skeleton}: those of {@link generate}, plus the skeleton's language and paths. */
export interface SkeletonOptions extends Omit<GenerateOptions, "targets"> {
  /** `"c"` for a `.c` file that includes `NAME.h`, `"rust"` for a crate root that includes `NAME.rs`. */
  language: "c" | "rust";
  /**
   * The generated `NAME.h` or `NAME.rs` as the skeleton refers to it, relative
   * to the skeleton's folder with `/` separators.
   * @default `NAME.h` or `NAME.rs` (the skeleton beside the generated files)
   */
  generated?: string;
  /**
   * The skeleton's own file name, shown in its build lines.
   * @default `NAME.c` or `NAME.rs`
   */
  output?: string;
  /**
   * Where the skeleton's build lines write the shared library, relative to
   * the skeleton's folder with `/` separators, without the platform's
   * extension unless its name has one (the CLI passes where `--lib` points).
   * @default `libNAME`
   */
  library?: string;
}

/**
 * An implementation skeleton for `input`: every native function with its
 * exact signature and a body that traps with "MODULE.NAME: not implemented",
 * so the library compiles and loads before any function is written. The
 * text is the user's to edit; the CLI (`generate --stubs FILE`) never
 * overwrites it.
 *
 * @example
 * ```ts
 * import { skeleton } from "./generate.ts";
 * const c = skeleton("export declare namespace env { function now(): f64; }", { file: "clock.d.ts", language: "c" });
 * c.includes("double env_now(hostbind_ctx *ctx) {"); // true
 * ```
 */
export function skeleton(input: string | Uint8Array | Declarations, options: SkeletonOptions): string {
  const cx = resolveContext(readInput(input, options), options);
  return options.language === "c"
    ? emitCSkeleton(cx, options.generated ?? `${cx.name}.h`, options.output, options.library)
    : emitRustSkeleton(cx, options.generated ?? `${cx.name}.rs`, options.output, options.library);
}

/**
 * Reads TypeScript declaration text into validated IR — plain data, ready
 * for {@link layout} or {@link generate}. Throws {@link HostbindError} (all
 * of a file's mistakes at once) for anything hostbind cannot serve.
 *
 * @example
 * ```ts
 * import { layout, parseDeclarations } from "hostbind";
 * const decls = parseDeclarations("export declare namespace env { function f(a: i32): [i32, f64]; }");
 * const l = layout(decls, { target: "i686-linux" });
 * l.imports[0]?.result?.size; // 12 on i686-linux (f64 aligns to 4 in structs), 16 on x86_64
 * ```
 */
export function parseDeclarations(text: string, options: ParseOptions = {}): Declarations {
  return finish(readDts(text, options.file ?? "input.d.ts"), options);
}

/**
 * Reads the imports of a compiled `.wasm` module into validated IR, with
 * made-up parameter names (`p0, p1, …`); non-function imports are kept in
 * `decls.otherImports`. Throws {@link HostbindError} for a malformed module.
 *
 * @example
 * ```ts
 * import { parseWasm } from "hostbind";
 * const empty = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0);
 * // an error: "No import modules declared" (a module must import a function to be served)
 * try { parseWasm(empty, { file: "guest.wasm" }); } catch (e) { console.log(String(e)); }
 * ```
 */
export function parseWasm(bytes: Uint8Array, options: ParseOptions = {}): Declarations {
  return finish(readWasm(bytes, options.file ?? "input.wasm"), options);
}

/** Declarations from any input kind: read and validated, or as given. */
function readInput(input: string | Uint8Array | Declarations, options: ParseOptions): Declarations {
  return typeof input === "string"
    ? parseDeclarations(input, options)
    : input instanceof Uint8Array
    ? parseWasm(input, options)
    : input;
}

/** The parse options applied to what a reader returned, then validation. */
function finish(read: Declarations, options: ParseOptions): Declarations {
  const modulesLeft = excludeModules(read, options.excludeModules ?? []);
  // A declaration file serves what it declares; single imports are left out of a compiled module only.
  const decls = read.file.toLowerCase().endsWith(".wasm") ? excludeImports(modulesLeft, options.excludeImports ?? []) : modulesLeft;
  if (options.symbolPrefix !== undefined) prefixSymbols(decls, options.symbolPrefix);
  validateDeclarations(decls);
  return decls;
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
