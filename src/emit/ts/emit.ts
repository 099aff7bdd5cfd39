/**
 * The shared emitter of the Deno and Bun modules: the banner and module doc,
 * `symbols`, the `Imports` interface, the stub bytes, and inside `load()`
 * the per-import bindings and wrappers; the static runtime comes from
 * `templates/`. A {@link Dialect} supplies what differs between runtimes.
 * Why the wrappers look the way they do is in this folder's README.
 *
 * @example
 * ```ts
 * import { emitTsModule } from "./emit.ts";
 * const source = emitTsModule(cx, DENO); // the text of NAME.deno.ts
 * ```
 * @module
 */
import { CTX } from "../../layout/context.ts";
import { GENERATED_BANNER, type EmitContext } from "../context.ts";
import { SourceWriter } from "../writer.ts";
import type { Dialect } from "./dialect.ts";
import { tsModel, type TsImport, type TsModel } from "./model.ts";
import { jsPropertyKey, jsString } from "./names.ts";
import { fillTemplate, readTemplate } from "./template.ts";
import type { ValueType } from "../../ir/types.ts";

/** The JS type of each value type. */
const JS_TYPE: Readonly<Record<ValueType, string>> = {
  i32: "number",
  u32: "number",
  i64: "bigint",
  u64: "bigint",
  f32: "number",
  f64: "number",
};

/** Index of `hostbind_ctx.trapped` in an Int32Array over the stub memory. */
const TRAPPED_WORD = CTX.trapped / 4;

/** Emits the whole TS module for `cx` in `dialect`. */
export function emitTsModule(cx: EmitContext, dialect: Dialect): string {
  const model = tsModel(cx);
  const w = new SourceWriter();
  w.line(`// ${GENERATED_BANNER}`);
  emitModuleDoc(w, cx, dialect);
  w.lines(dialect.preamble);
  w.blank();
  emitSymbols(w, model, dialect);
  w.blank();
  emitImportsInterface(w, model);
  w.blank();
  w.line(fillTemplate(readTemplate("ts-runtime.ts.tmpl"), {
    USER_DATA_TYPE: dialect.userDataType,
    CTX_TABLE: ctxTable(),
  }));
  w.blank();
  emitConstants(w, cx, model);
  w.blank();
  w.line(fillTemplate(readTemplate(dialect.loadTemplate), { BINDINGS: bindings(model, dialect) }));
  return w.toString();
}

function emitModuleDoc(w: SourceWriter, cx: EmitContext, dialect: Dialect): void {
  const input = cx.decls.file.split(/[\\/]/).pop() ?? cx.decls.file;
  const loadCall = cx.lib === undefined ? `load(${jsString(`./lib${cx.name}`)})` : "load()";
  w.docComment([
    `${dialect.runtime} bindings for the wasm imports declared in \`${input}\`: each import`,
    `calls a native function of a shared library through \`${dialect.ffiApi}\`.`,
    "",
    "@example",
    "```ts",
    `import { load } from ${jsString(`./${cx.name}${dialect.extension}`)};`,
    `using host = ${loadCall};`,
    "const { instance } = await WebAssembly.instantiate(guestBytes, host.imports);",
    "host.bind(instance);",
    "```",
    "@module",
  ].join("\n"));
}

function emitSymbols(w: SourceWriter, model: TsModel, dialect: Dialect): void {
  w.docComment(`The native functions as \`${dialect.ffiApi}\` declares them, by C symbol.`);
  w.line("export const symbols = {");
  w.indented(() => {
    for (const imp of model.imports) {
      const params: string[] = [];
      if (imp.kind === "multi") params.push(dialect.pointerType);
      if (!imp.noctx) params.push(dialect.pointerType);
      for (const p of imp.params) params.push(dialect.ffiType[p.type]);
      const result = imp.kind === "single" ? dialect.ffiType[imp.results[0]!.type] : dialect.voidType;
      w.docComment(`\`${imp.module}.${imp.name}\`: \`${imp.cPrototype}\``);
      w.line(`${imp.symbol}: ${dialect.definition(params.map(jsString), jsString(result))},`);
    }
  });
  w.line("} as const;");
}

function emitImportsInterface(w: SourceWriter, model: TsModel): void {
  // A type alias, not an interface: only a type literal is assignable to
  // `WebAssembly.Imports` (an index signature), which instantiate() takes.
  w.docComment("The wasm imports the native library serves, by import module and name.");
  w.line("export type Imports = {");
  w.indented(() => {
    for (const m of model.modules) {
      w.docComment(m.doc);
      if (m.imports.length === 0) {
        w.line(`readonly ${jsPropertyKey(m.name)}: Record<never, never>;`);
        continue;
      }
      w.line(`readonly ${jsPropertyKey(m.name)}: {`);
      w.indented(() => {
        for (const imp of m.imports) {
          w.docComment(imp.doc);
          w.line(`${jsPropertyKey(imp.name)}(${paramList(imp)}): ${resultType(imp)};`);
        }
      });
      w.line("};");
    }
  });
  w.line("};");
}

function emitConstants(w: SourceWriter, cx: EmitContext, model: TsModel): void {
  const lib = cx.lib === undefined ? "undefined" : jsString(cx.lib);
  w.docComment("The library `load()` opens when given no path, relative to this file (`undefined`: none).");
  w.line(`const DEFAULT_LIBRARY: string | undefined = ${lib};`);
  w.blank();
  w.docComment("The C header the native library implements (named in load errors).");
  w.line(`const HEADER_FILE = ${jsString(`${cx.name}.h`)};`);
  w.blank();
  w.docComment("Size of the stub memory in 64 KiB pages: the context, then one out-area per multi-result import.");
  w.line(`const STUB_PAGES = ${model.stub.pages};`);
  w.blank();
  const doc = [
    "The wasm call-stub module, generated by hostbind. It imports its memory",
    "(`hostbind.memory`) and, per import with several results, a wrapper that calls",
    "the native function with an out-pointer into that memory; it exports a function",
    "of the guest's exact type that calls the wrapper and returns the results",
    "loaded from the out-area, so a guest gets them without a JS array.",
  ];
  for (const f of model.stub.functions) {
    const imp = model.imports[f.layoutIndex]!;
    const results = f.results.map((r) => `${r.type}@${r.offset}`).join(", ");
    doc.push(`- \`${imp.module}.${imp.name}\` (\`${f.symbol}\`): (${f.params.join(", ")}) -> (${results})`);
  }
  w.docComment(doc.join("\n"));
  w.line("const STUB_BYTES = new Uint8Array([");
  w.indented(() => {
    const hex = [...model.stub.bytes].map((b) => `0x${b.toString(16).padStart(2, "0")}`);
    for (let i = 0; i < hex.length; i += 16) w.line(`${hex.slice(i, i + 16).join(", ")},`);
  });
  w.line("]);");
}

/** The body inserted into `load()`: FFI bindings, out-pointers, the stub, the wrappers. */
function bindings(model: TsModel, dialect: Dialect): string {
  const w = new SourceWriter();
  w.line("// Each FFI function in a `const`: a constant call target keeps the engine's fast path.");
  for (const imp of model.imports) w.line(`const ${imp.nativeBinding} = lib.symbols.${imp.symbol};`);
  const multi = model.imports.filter((i) => i.kind === "multi");
  if (multi.length > 0) {
    w.blank();
    w.line("// Out-areas of the multi-result imports in the stub memory, where native code writes results.");
    for (const imp of multi) w.line(`const ${imp.outBinding} = ${dialect.stubPointer(imp.outOffset)};`);
  }
  w.blank();
  w.line("// Every wrapper checks guest memory (and close()) before the call and, unless");
  w.line(`// @noctx, checks for a trap after it: words[${TRAPPED_WORD}] is hostbind_ctx.trapped.`);
  w.line("// The stub serves multi-result imports: it calls their wrappers, then loads the results.");
  w.line("const stub = new WebAssembly.Instance(new WebAssembly.Module(STUB_BYTES), {");
  w.indented(() => {
    w.line("hostbind: {");
    w.indented(() => {
      w.line("memory,");
      for (const imp of multi) emitWrapper(w, imp.symbol, imp, dialect);
    });
    w.line("},");
  });
  w.line("}).exports;");
  w.line("const imports: Imports = {");
  w.indented(() => {
    for (const m of model.modules) {
      if (m.imports.length === 0) {
        w.line(`${jsPropertyKey(m.name)}: {},`);
        continue;
      }
      w.line(`${jsPropertyKey(m.name)}: {`);
      w.indented(() => {
        for (const imp of m.imports) {
          if (imp.kind !== "multi") emitWrapper(w, jsPropertyKey(imp.name), imp, dialect);
          else {
            const type = `Imports[${jsString(imp.module)}][${jsString(imp.name)}]`;
            w.line(`${jsPropertyKey(imp.name)}: stub.${imp.symbol} as ${type},`);
          }
        }
      });
      w.line("},");
    }
  });
  w.line("};");
  return w.toString();
}

/** One monomorphic arrow wrapper: `key: (params): R => { check; call; trap check; return }`. */
function emitWrapper(w: SourceWriter, key: string, imp: TsImport, dialect: Dialect): void {
  const args: string[] = [];
  if (imp.kind === "multi") args.push(imp.outBinding);
  if (!imp.noctx) args.push("ctx");
  for (const p of imp.params) args.push(dialect.argument(p.type, p.name));
  const call = `${imp.nativeBinding}(${args.join(", ")})`;
  const returns = imp.kind === "single" ? JS_TYPE[imp.results[0]!.type] : "void";
  w.line(`${key}: (${paramList(imp)}): ${returns} => {`);
  w.indented(() => {
    w.line("if (heap.length !== size) sync();");
    if (imp.noctx) {
      w.line(imp.kind === "single" ? `return ${call};` : `${call};`);
    } else if (imp.kind === "single") {
      w.line(`const result = ${call};`);
      w.line(`if (words[${TRAPPED_WORD}] !== 0) throw trap();`);
      w.line("return result;");
    } else {
      w.line(`${call};`);
      w.line(`if (words[${TRAPPED_WORD}] !== 0) throw trap();`);
    }
  });
  w.line("},");
}

function paramList(imp: TsImport): string {
  return imp.params.map((p) => `${p.name}: ${JS_TYPE[p.type]}`).join(", ");
}

function resultType(imp: TsImport): string {
  if (imp.kind === "void") return "void";
  if (imp.kind === "single") return JS_TYPE[imp.results[0]!.type];
  const labelled = imp.results.every((r) => r.label !== null);
  return `[${imp.results.map((r) => (labelled ? `${r.label}: ${JS_TYPE[r.type]}` : JS_TYPE[r.type])).join(", ")}]`;
}

function ctxTable(): string {
  const { memory, memorySize, userData, trapCode, trapped, trapMessage, trapMessageSize } = CTX;
  return `{ memory: ${memory}, memorySize: ${memorySize}, userData: ${userData}, trapCode: ${trapCode}, `
    + `trapped: ${trapped}, trapMessage: ${trapMessage}, trapMessageSize: ${trapMessageSize} }`;
}
