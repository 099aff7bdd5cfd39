/**
 * `.wasm` input: reads a core module's import section into the IR, the same
 * model a declaration file gives (docs/declarations.md), with made-up names — params
 * `p0, p1, …`, unlabelled results `f0, f1, …` — since the binary has none.
 * Each wasm numeric type maps to its signed declared type (`i32` → `i32`,
 * `i64` → `i64`); a declaration file is where `u32`/`u64` can be chosen.
 * Memory, table, global and tag imports are returned in `otherImports`.
 *
 * Only the header, the type section and the import section are decoded;
 * every other section is skipped by its size (after a bounds check), so
 * function bodies cost nothing. Errors are located at line 1, column = byte
 * offset + 1 (see `_wasm_reader.ts`).
 *
 * @example
 * ```ts
 * import { readWasm } from "./mod.ts";
 * const decls = readWasm(Deno.readFileSync("guest.wasm"), "guest.wasm");
 * decls.modules[0]?.functions[0]?.params; // [{ name: "p0", type: "i32" }, …]
 * decls.otherImports;                     // [{ module: "env", name: "memory", kind: "memory" }]
 * ```
 * @module
 */
import { throwIfAny, type HostbindError } from "../../errors.ts";
import { uniqueSymbols } from "../../ir/select.ts";
import { defaultSymbol } from "../../ir/names.ts";
import type { Declarations, ImportFunction, ImportModule, OtherImport, WasmType } from "../../ir/types.ts";
import { WasmReader } from "./_reader.ts";
import { hex, readTypeSection, readValType, valTypeText, type WasmTypeDef, type WasmValType } from "./_types.ts";

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const SECTION_TYPE = 1;
const SECTION_IMPORT = 2;
/** The highest known section id (13: tag, from the exception-handling proposal). */
const MAX_SECTION_ID = 13;
const OTHER_KINDS: Readonly<Record<number, OtherImport["kind"]>> = { 1: "table", 2: "memory", 3: "global", 4: "tag" };

/** One import entry as read, before it becomes IR. */
interface RawImport {
  module: string;
  name: string;
  /** Absolute offset of the entry (its module name), for locations. */
  offset: number;
  kind: "func" | OtherImport["kind"];
  /** The function type index, for function imports. */
  typeIndex: number;
  /** A non-function import's description as WebAssembly text. */
  desc?: string;
}

/**
 * Reads the import section of the wasm module in `bytes` into the IR. Throws
 * a located {@link HostbindError} when the bytes are not a core wasm module,
 * or are truncated or malformed. Function imports whose types native code
 * cannot take (reference and GC types, `v128`) join the non-function ones in
 * `otherImports`: the host application serves them.
 */
export function readWasm(bytes: Uint8Array, file: string): Declarations {
  const r = new WasmReader(bytes, file);
  readHeader(r);
  let types: WasmTypeDef[] = [];
  let imports: RawImport[] = [];
  const seen = new Set<number>();
  while (!r.atEnd()) {
    const at = r.pos;
    const id = r.byte("a section id");
    if (id > MAX_SECTION_ID) throw r.error(`Unknown section id ${id}`, at);
    if (id !== 0 && seen.has(id)) throw r.error(`Duplicate section (id ${id})`, at);
    seen.add(id);
    const s = r.sub(r.u32("a section size"), `the contents of section ${id}`);
    if (id === SECTION_TYPE) types = readTypeSection(s);
    else if (id === SECTION_IMPORT) imports = readImportSection(s);
    else continue;
    if (!s.atEnd()) throw s.error(`Section ${id} has ${s.end - s.pos} bytes left over after its contents`);
  }
  return toDeclarations(r, imports, types);
}

function readHeader(r: WasmReader): void {
  const head = r.bytes.subarray(0, 8);
  const magicOk = MAGIC.every((b, i) => head[i] === b);
  if (!magicOk) {
    const found = head.length === 0 ? "an empty file" : `bytes ${[...head.subarray(0, 4)].map(hex).join(" ")}`;
    throw r.error(
      `Expected a WebAssembly module (starting with the bytes 00 61 73 6d, "\\0asm"), found ${found}`,
      0,
      "Pass a compiled `.wasm` module, or a `.d.ts` declaration file without the `.wasm` extension.",
    );
  }
  r.pos = 4;
  const version = r.take(4, "the module version");
  const v = [...version].map(hex).join(" ");
  if (v === "01 00 00 00") return;
  const component = version[2] === 0x01 && version[3] === 0x00;
  throw r.error(
    component
      ? `Expected a core WebAssembly module (version 01 00 00 00), found a component (${v})`
      : `Unsupported WebAssembly binary version ${v}; expected 01 00 00 00`,
    4,
    component ? "Pass the core module the component embeds (e.g. from `wasm-tools component unbundle`)." : undefined,
  );
}

function readImportSection(r: WasmReader): RawImport[] {
  const out: RawImport[] = [];
  const count = r.u32("the number of imports");
  for (let i = 0; i < count; i++) {
    const offset = r.pos;
    const module = r.name("an import module name");
    const name = r.name("an import name");
    const at = r.pos;
    const kind = r.byte("an import kind");
    if (kind === 0x00) {
      out.push({ module, name, offset, kind: "func", typeIndex: r.u32("a function type index") });
      continue;
    }
    const other = OTHER_KINDS[kind];
    if (!other) throw r.error(`Unknown kind 0x${hex(kind)} of import \`${module}.${name}\``, at);
    out.push({ module, name, offset, kind: other, typeIndex: -1, desc: readImportDesc(r, other) });
  }
  return out;
}

/**
 * Reads the description of a non-function import and returns it as
 * WebAssembly text, for `declare`'s comment: `(memory i64 1 2 shared)`,
 * `(table 1 funcref)`, `(global (mut i64))`, `(tag (type 3))`.
 */
function readImportDesc(r: WasmReader, kind: OtherImport["kind"]): string {
  if (kind === "table") {
    const element = valTypeText(readValType(r, "a table's element type"));
    return `(table ${readLimits(r, "a table's limits")} ${element})`;
  }
  if (kind === "memory") return `(memory ${readLimits(r, "a memory's limits")})`;
  if (kind === "global") {
    const type = valTypeText(readValType(r, "a global's type"));
    return r.byte("a global's mutability") === 0 ? `(global ${type})` : `(global (mut ${type}))`;
  }
  r.byte("a tag's attribute");
  return `(tag (type ${r.u32("a tag's type index")}))`;
}

/** Limits as text: `i64 ` for 64-bit, min, max when given, `shared`, a custom page size. */
function readLimits(r: WasmReader, what: string): string {
  const at = r.pos;
  const flags = r.byte(what);
  if (flags > 0x0f) throw r.error(`Unknown limits flags 0x${hex(flags)} in ${what}`, at);
  const width = flags & 0x04 ? 10 : 5;
  const parts = flags & 0x04 ? ["i64"] : [];
  parts.push(String(r.leb(what, width)));
  if (flags & 0x01) parts.push(String(r.leb(what, width)));
  if (flags & 0x02) parts.push("shared");
  if (flags & 0x08) parts.push(`(pagesize ${r.u32(`the page size of ${what}`)})`);
  return parts.join(" ");
}

function toDeclarations(r: WasmReader, imports: RawImport[], types: WasmTypeDef[]): Declarations {
  const modules = new Map<string, ImportModule>();
  const otherImports: OtherImport[] = [];
  const errors: HostbindError[] = [];
  const firstOf = new Map<string, RawImport>();
  for (const imp of imports) {
    if (imp.kind !== "func") {
      otherImports.push({ module: imp.module, name: imp.name, kind: imp.kind, type: imp.desc! });
      continue;
    }
    // The JS API hands both imports of one module/name the same value, so an
    // exact repeat is the same import; a repeat with another type cannot be served.
    const key = JSON.stringify([imp.module, imp.name]);
    const first = firstOf.get(key);
    if (first) {
      const [a, b] = [funcTypeText(types[first.typeIndex]), funcTypeText(types[imp.typeIndex])];
      if (a !== b) {
        errors.push(r.error(
          `Function import \`${imp.module}.${imp.name}\` is imported twice with different types, ${a} and ${b}; one native function cannot serve both`,
          imp.offset,
          "Import it with one type, or under two different names.",
        ));
      }
      continue;
    }
    firstOf.set(key, imp);
    // A function native code cannot take (reference, GC or v128 types) is the host application's, like a memory.
    const type = types[imp.typeIndex];
    if (type?.kind === "func" && [...type.params, ...type.results].some((t) => typeof t !== "string")) {
      otherImports.push({ module: imp.module, name: imp.name, kind: "function", type: funcTypeText(type).slice(1, -1) });
      continue;
    }
    const fn = toFunction(r, imp, types);
    let m = modules.get(imp.module);
    if (!m) {
      m = { name: imp.module, doc: "", functions: [], location: r.locate(imp.offset) };
      modules.set(imp.module, m);
    }
    m.functions.push(fn);
  }
  throwIfAny(errors);
  // Map iteration order is insertion order: modules in order of their first import.
  const decls: Declarations = { file: r.file, modules: [...modules.values()] };
  if (otherImports.length > 0) decls.otherImports = otherImports;
  // No JSDoc for @symbol here: derived symbols that would not generate get free ones (explicit, so
  // `hostbind declare` writes them as @symbol and a --symbol-prefix treats both inputs alike).
  uniqueSymbols(decls);
  return decls;
}

/** `(param i32) (result i64)`-style text of a function type, for comparing and for messages. */
function funcTypeText(t: WasmTypeDef | undefined): string {
  if (!t || t.kind !== "func") return "(unknown type)";
  const parts = ["func"];
  if (t.params.length > 0) parts.push(`(param ${t.params.map(valTypeText).join(" ")})`);
  if (t.results.length > 0) parts.push(`(result ${t.results.map(valTypeText).join(" ")})`);
  return `\`(${parts.join(" ")})\``;
}

function toFunction(r: WasmReader, imp: RawImport, types: WasmTypeDef[]): ImportFunction {
  const label = `\`${imp.module}.${imp.name}\``;
  const type = types[imp.typeIndex];
  if (!type || type.kind !== "func") {
    const found = type ? `a ${type.kind} type` : `only ${types.length} types`;
    throw r.error(`Function import ${label} uses type index ${imp.typeIndex}, but the module has ${found}`, imp.offset);
  }
  // Only numbers reach here: functions with other types were left to the host application.
  const num = (t: WasmValType) => t as WasmType;
  return {
    module: imp.module,
    name: imp.name,
    symbol: defaultSymbol(imp.module, imp.name),
    symbolExplicit: false,
    params: type.params.map((t, i) => ({ name: `p${i}`, type: num(t) })),
    results: type.results.map((t, i) => ({ name: `f${i}`, type: num(t), labelled: false })),
    noctx: false,
    async: false,
    doc: "",
    location: r.locate(imp.offset),
  };
}
