/**
 * The bindings' side of calls into the guest (docs/abi.md §8): per Host, one
 * native callback per slot of the call table — each guest export declared
 * in an `@exports` namespace, then the allocator of `string`/`Uint8Array`
 * results — whose addresses go into the stub memory where the header's
 * functions and shims read them. `bindGuest` (called by `bind()`) looks the
 * exports up in the instance, refusing one that lacks any; before that a
 * call traps with a message naming the export. A callback never throws
 * (node:ffi forbids it, and the other FFIs would abort): a failure becomes
 * the trap of the import whose native code made the call.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { DENO } from "../deno/mod.ts";
 * import { tsModel } from "./model.ts";
 * import { emitGuestCalls } from "./guest_calls.ts";
 * const decls = readDts("declare namespace env { function f(): void; } /** @exports *\/ declare namespace guest { function add(a: i32, b: i32): i32; }", "g.d.ts");
 * const w = new SourceWriter();
 * emitGuestCalls(w, tsModel(createEmitContext(decls, "g", undefined)), DENO);
 * w.toString().includes("const bindGuest = "); // true
 * ```
 * @module
 */
import type { ValueType } from "../../ir/types.ts";
import { TRAP_GUEST } from "../../layout/context.ts";
import type { SourceWriter } from "../writer.ts";
import type { Dialect } from "./dialect.ts";
import { JS_TYPE as JS, type TsModel } from "./model.ts";
import { jsString } from "./names.ts";

/** How a callback passes each argument on to the wasm export (64-bit ones may arrive as numbers on Deno). */
const TO_EXPORT: Readonly<Record<ValueType, (name: string) => string>> = {
  i32: (n) => n,
  u32: (n) => n,
  i64: (n) => `BigInt(${n})`,
  u64: (n) => `BigInt(${n})`,
  f32: (n) => n,
  f64: (n) => n,
};

/** How a callback returns the export's result to native code (wasm hands back i32s and i64s signed). */
const FROM_EXPORT: Readonly<Record<ValueType, (name: string) => string>> = {
  i32: (n) => n,
  u32: (n) => `${n} >>> 0`,
  i64: (n) => n,
  u64: (n) => `BigInt.asUintN(64, ${n})`,
  f32: (n) => n,
  f64: (n) => n,
};

/** Writes the call table's callbacks, `bindGuest` and `closeGuestCalls` (no-ops without slots). */
export function emitGuestCalls(w: SourceWriter, model: TsModel, dialect: Dialect): void {
  w.blank();
  const { guestCalls, allocator } = model;
  if (guestCalls.length === 0 && allocator === null) {
    w.line("// No calls into the guest: nothing to bind or close.");
    w.line("const bindGuest = (_target: WebAssembly.Instance | WebAssembly.Memory, _allocator?: string): void => {};");
    w.line("const closeGuestCalls = (): void => {};");
    if (model.asyncSymbols.length > 0) w.line("const fenceGuestCalls = (_fenced: boolean): void => {};");
    return;
  }
  const tag = (t: ValueType) => jsString(dialect.ffiType[t]);
  w.line("// Calls into the guest: native code calls the guest's exports through the call table in the stub");
  w.line("// memory (after the context), each slot a native callback into the export bind() found. A callback");
  w.line("// never throws: a failure traps the import whose native code made the call.");
  guestCalls.forEach((g, i) => {
    const args = g.params.map((t, k) => `a${k}: ${JS[t]}`).join(", ");
    const ret = g.result === null ? "void" : JS[g.result];
    w.line(`let guest${i}: ((${args}) => ${ret === "void" ? "unknown" : ret}) | undefined;`);
  });
  if (allocator !== null) w.line("let allocate: ((size: number, align: number) => number) | undefined;");
  w.line(`const TRAP_GUEST = ${TRAP_GUEST};`);
  w.line("const guestCalls = [");
  w.indented(() => {
    guestCalls.forEach((g, i) => {
      const args = g.params.map((t, k) => `a${k}: ${JS[t]}`).join(", ");
      const ret = g.result === null ? "void" : JS[g.result];
      const zero = g.result === null ? "" : g.result === "i64" || g.result === "u64" ? " 0n" : " 0";
      const call = `guest${i}(${g.params.map((t, k) => TO_EXPORT[t](`a${k}`)).join(", ")})`;
      const label = jsString(`guest export ${JSON.stringify(g.name)}`);
      w.line(`guestCallback(lib, [${g.params.map(tag).join(", ")}], ${jsString(g.result === null ? dialect.voidType : dialect.ffiType[g.result])}, (${args}): ${ret} => {`);
      w.indented(() => {
        w.line(`if (guest${i} === undefined) {`);
        w.indented(() => {
          w.line(`raiseTrap(memory.buffer, TRAP_GUEST, \`\${${label}} was called before host.bind(instance)\`);`);
          w.line(`return${zero};`);
        });
        w.line("}");
        w.line("try {");
        w.indented(() => {
          w.line(g.result === null ? `${call};` : `const result = ${call};`);
          w.line("if (heap.length === 0) sync();");
          if (g.result !== null) w.line(`return ${FROM_EXPORT[g.result]("result")};`);
        });
        w.line("} catch (error) {");
        w.indented(() => {
          w.line(`raiseTrap(memory.buffer, TRAP_GUEST, \`\${${label}} trapped: \${errorText(error)}\`);`);
          w.line(`return${zero};`);
        });
        w.line("}");
      });
      w.line("}),");
    });
    if (allocator !== null) {
      const users = jsString(allocator.users.join(", "));
      w.line(`guestCallback(lib, [${tag("u32")}, ${tag("u32")}], ${tag("u32")}, (size: number, align: number): number => {`);
      w.indented(() => {
        w.line("if (allocate === undefined) {");
        w.indented(() => {
          w.line(`raiseTrap(memory.buffer, TRAP_GUEST, \`\${${users}} returned data before host.bind(instance) bound the guest's allocator\`);`);
          w.line("return 0;");
        });
        w.line("}");
        w.line("try {");
        w.indented(() => {
          w.line("const result = allocate(size, align) >>> 0;");
          w.line("if (heap.length === 0) sync();");
          w.line("return result;");
        });
        w.line("} catch (error) {");
        w.indented(() => {
          w.line("raiseTrap(memory.buffer, TRAP_GUEST, `the guest's allocator trapped: ${errorText(error)}`);");
          w.line("return 0;");
        });
        w.line("}");
      });
      w.line("}),");
    }
  });
  w.line("];");
  const offsets = [...guestCalls.map((g) => g.offset), ...(allocator === null ? [] : [allocator.offset])];
  w.line("// Each callback's slot in the call table, in the order above.");
  w.line(`const guestCallSlots = [${offsets.join(", ")}];`);
  w.line("guestCallSlots.forEach((offset, i) => {");
  w.indented(() => w.line("wide[offset / 8] = guestCalls[i]!.address;"));
  w.line("});");
  w.line("const closeGuestCalls = (): void => {");
  w.indented(() => w.line("for (const call of guestCalls) call.close();"));
  w.line("};");
  if (model.asyncSymbols.length > 0) {
    w.line("// While an async import of this Host runs, its native code is off the JS thread, where no callback");
    w.line("// may run: the slots hold 0, and a call into the guest traps (the guest is suspended anyway).");
    w.line("const fenceGuestCalls = (fenced: boolean): void => {");
    w.indented(() => {
      w.line("guestCallSlots.forEach((offset, i) => {");
      w.indented(() => w.line("wide[offset / 8] = fenced ? 0n : guestCalls[i]!.address;"));
      w.line("});");
    });
    w.line("};");
  }
  emitBindGuest(w, model);
}

/** `bindGuest(target, allocator?)`: finds every export in an instance, or throws naming what is missing; a memory binds none. */
function emitBindGuest(w: SourceWriter, model: TsModel): void {
  const { guestCalls, allocator } = model;
  w.line("const bindGuest = (target: WebAssembly.Instance | WebAssembly.Memory, allocator?: string): void => {");
  w.indented(() => {
    w.line("// A memory alone binds no export: calls into the guest trap until an instance is bound.");
    w.line("if (!(target instanceof WebAssembly.Instance)) return;");
    w.line("const exports = target.exports as Record<string, unknown>;");
    guestCalls.forEach((g, i) => {
      w.line(`const found${i} = exports[${jsString(g.name)}];`);
      w.line(`if (typeof found${i} !== "function") {`);
      w.indented(() => {
        w.line(`throw new Error(${jsString(`hostbind: bind() found no function export ${JSON.stringify(g.name)} in the instance, which native code calls (declared as ${g.label} in an @exports namespace): export it from the guest, or remove it from the declarations`)});`);
      });
      w.line("}");
    });
    if (allocator !== null) {
      w.line(`const allocatorName = allocator ?? ${jsString(allocator.name)};`);
      w.line("const allocatorFn = exports[allocatorName];");
      w.line('if (typeof allocatorFn !== "function" || (allocatorFn.length !== 1 && allocatorFn.length !== 4)) {');
      w.indented(() => {
        w.line("throw new Error(");
        w.indented(() => {
          w.line(jsString(`hostbind: bind(): ${allocator.users.join(", ")} return${allocator.users.length === 1 ? "s" : ""} a string or bytes, which hostbind copies into memory from the guest's allocator, but the instance `));
          w.line('  + (typeof allocatorFn !== "function" ? `exports no function ${JSON.stringify(allocatorName)}` : `export ${JSON.stringify(allocatorName)} takes ${allocatorFn.length} parameters`)');
          w.line("  + `: export cabi_realloc(old_ptr, old_size, align, new_size) or a malloc-shaped (size) -> ptr function, or name the guest's allocator: bind(instance, { allocator: \"malloc\" })`,");
        });
        w.line(");");
      });
      w.line("}");
    }
    guestCalls.forEach((_, i) => w.line(`guest${i} = found${i} as typeof guest${i};`));
    if (allocator !== null) {
      w.line("const fn = allocatorFn as (...args: number[]) => number;");
      w.line("allocate = fn.length === 4 ? (size, align) => fn(0, 0, align, size) : (size) => fn(size);");
    }
  });
  w.line("};");
}
