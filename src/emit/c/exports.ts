/**
 * The C functions through which native code calls the guest's exports
 * (docs/abi.md §8): one `static inline` per export declared in an `@exports`
 * namespace, which calls the function pointer the bindings put in the
 * Host's call table (in the stub memory, right after the context).
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { emitGuestExports } from "./exports.ts";
 * const decls = readDts("declare namespace env { function f(): void; } /** @exports *\/ declare namespace guest { function add(a: i32, b: i32): i32; }", "g.d.ts");
 * const w = new SourceWriter();
 * emitGuestExports(w, createEmitContext(decls, "g", undefined));
 * w.toString().includes("static inline int32_t guest_add(hostbind_ctx *ctx, int32_t a, int32_t b) {"); // true
 * ```
 * @module
 */
import { C_TYPE } from "../../layout/signature.ts";
import type { ExportLayout } from "../../layout/mod.ts";
import type { EmitContext } from "../context.ts";
import type { SourceWriter } from "../writer.ts";
import { cDocText, cString } from "./escape.ts";
import { exportWasmText } from "../wat.ts";

/** The C prototype of a guest export's function, e.g. `int32_t guest_add(hostbind_ctx *ctx, int32_t a, int32_t b)`. */
function exportPrototype(e: ExportLayout): string {
  const params = ["hostbind_ctx *ctx", ...e.params.map((p) => `${p.cType} ${p.name}`)].join(", ");
  return `${e.returns === null ? "void" : C_TYPE[e.returns]} ${e.exp.symbol}(${params})`;
}

/** Writes the guest-call functions of `cx`. */
export function emitGuestExports(w: SourceWriter, cx: EmitContext): void {
  w.docComment(
    "Calls into the guest: each function below calls the guest export of its name through\n"
      + "the bindings (native code -> JS -> wasm), re-entrantly. Afterwards ctx->memory and\n"
      + "ctx->memory_size are current (the export may have grown memory: views taken before\n"
      + "may be stale). When the export traps, or the host has not bound the instance yet,\n"
      + "the call returns 0 and the import that made it traps (HOSTBIND_TRAP_GUEST): check\n"
      + "ctx->trapped and return promptly. So does a call from an async import's native\n"
      + "function, which runs off the JS thread while the guest is suspended.",
    "c",
  );
  for (const e of cx.layout.guestExports) {
    w.blank();
    const wasm = exportWasmText(e.exp.name, e.params.map((p) => p.type), e.returns);
    w.docComment(cDocText(e.exp.doc, [`guest:  ${wasm}`]), "c");
    const ret = e.returns === null ? "void" : C_TYPE[e.returns];
    const fnType = `${ret} (*fn)(${e.params.length === 0 ? "void" : e.params.map((p) => p.cType).join(", ")})`;
    w.line(`static inline ${exportPrototype(e)} {`);
    w.indented(() => {
      w.line(`${fnType};`);
      // memcpy: a function pointer read from bytes, without an aliasing cast.
      w.line(`memcpy(&fn, (const unsigned char *)ctx + ${e.offset}, sizeof fn);`);
      // The bindings empty the slot while an async import of this Host runs (off the JS thread).
      w.line("if (fn == NULL) {");
      w.indented(() => {
        w.line(`hostbind_trap(ctx, HOSTBIND_TRAP_GUEST, ${cString(`${e.exp.namespace}.${e.exp.name}: not callable from an async import (its native function runs off the JS thread while the guest is suspended)`)});`);
        if (e.returns !== null) w.line("return 0;");
        else w.line("return;");
      });
      w.line("}");
      const call = `fn(${e.params.map((p) => p.name).join(", ")})`;
      w.line(e.returns === null ? `${call};` : `return ${call};`);
    });
    w.line("}");
  }
}
