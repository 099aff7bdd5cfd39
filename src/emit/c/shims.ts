/**
 * The call shims of the memory call path, at the end of the header and
 * compiled only where the user defines `HOSTBIND_IMPLEMENTATION` before
 * including it (in exactly one `.c` file). Each shim takes one argument,
 * its Host's address (the stub memory, the context at 0) as a `double`:
 * node:ffi calls a function of only floating-point parameters without the
 * argument checks it runs in JS for integers and pointers, and every
 * user-space address is exact in a double. The shim reads the wasm
 * arguments from that Host's argument block and calls the user's function
 * by the out-pointer rule: a single result
 * goes back into the block, two or more are written by the function straight
 * into the import's out-area (nothing copied: the stub loads them there, and
 * keeps an outer call's results aside while a nested call of the import runs).
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { emitShims } from "./shims.ts";
 * const decls = readDts("declare namespace env { function gcd(a: i32, b: i32): i32; }", "gcd.d.ts");
 * const w = new SourceWriter();
 * emitShims(w, createEmitContext(decls, "gcd", undefined));
 * w.toString().includes("void hostbind_shim_env_gcd(double hostbind_host) {"); // true
 * ```
 * @module
 */
import { C_TYPE, type ImportLayout } from "../../layout/signature.ts";
import type { EmitContext } from "../context.ts";
import {
  argumentOffset,
  asyncSymbol,
  finishSymbol,
  fingerprintHex,
  hasShim,
  layoutSymbol,
  shimSymbol,
  STAGED_RESULT,
} from "../../layout/paths.ts";
import { type SourceWriter, wrapWords } from "../writer.ts";
import { shimNeed } from "../shim_need.ts";
import { cComment, cString } from "./escape.ts";

/** Writes the `#ifdef HOSTBIND_IMPLEMENTATION` section for the imports on the memory path (all but `@noctx`). */
export function emitShims(w: SourceWriter, cx: EmitContext): void {
  const layoutFn = layoutSymbol(cx.layout);
  if (layoutFn === undefined) return;
  const base = "hostbind_base";
  const block = cx.layout.stubMemory.blockOffset;
  w.docComment(
    cComment(
      wrapWords(
        `The call shims of the memory call path. For this header: ${shimNeed(cx.layout)} A library `
          + "without them does not load where one is called. Define HOSTBIND_IMPLEMENTATION before "
          + "including this header in exactly one C file of the library, so they are compiled once:",
        80,
      )
        + "\n\n"
      + `    #define HOSTBIND_IMPLEMENTATION\n    #include "${cx.name}.h"\n\n`
      + "Each shim takes its Host's address as a double (exact: every user-space address\n"
      + "is below 2^53), reads the call's arguments from that Host's argument block,\n"
      + "calls the function declared above, and leaves a single result in the block (two\n"
      + "or more the function writes to the import's out-area itself).",
    ),
    "c",
  );
  w.line("#ifdef HOSTBIND_IMPLEMENTATION");
  w.line("#ifndef HOSTBIND_SHIM_EXPORT");
  w.line("#if defined(_WIN32)");
  w.line("#define HOSTBIND_SHIM_EXPORT __declspec(dllexport)");
  w.line("#else");
  w.line("#define HOSTBIND_SHIM_EXPORT __attribute__((visibility(\"default\")))");
  w.line("#endif");
  w.line("#endif /* HOSTBIND_SHIM_EXPORT */");
  w.blank();
  w.docComment(
    "Which declarations these shims were compiled from: load() compares it with the bindings'\n"
      + "and asks for a rebuild when the library is older or newer than they are.",
    "c",
  );
  // Each definition has its prototype first (-Wmissing-prototypes).
  w.line(`HOSTBIND_SHIM_EXPORT uint32_t ${layoutFn}(void);`);
  w.line(`HOSTBIND_SHIM_EXPORT uint32_t ${layoutFn}(void) {`);
  w.indented(() => w.line(`return UINT32_C(${fingerprintHex(cx.layout)});`));
  w.line("}");
  const { outOffset } = cx.layout.stubMemory;
  cx.layout.imports.forEach((imp, i) => {
    if (!hasShim(imp)) return;
    w.blank();
    emitShim(w, cx, imp, base, block, outOffset[i]!);
    if (imp.fn.async) emitAsyncEntry(w, imp);
    if (imp.fn.async && imp.dataResult !== null) emitFinish(w, cx, imp, base, block);
  });
  w.line("#endif /* HOSTBIND_IMPLEMENTATION */");
}

/**
 * An async import's entry: the bindings call it off the JS thread with the
 * Host's async request, whose first word is the Host's context (docs/abi.md
 * §9; on Node the request is a libuv `uv_work_t` and the entry its work
 * callback); it runs the shim with that context's address.
 */
function emitAsyncEntry(w: SourceWriter, imp: ImportLayout): void {
  w.blank();
  w.docComment(
    `${cComment(`${imp.fn.module}.${imp.fn.name}`)} is async: the bindings run this on a thread of their own, with the Host's\n`
      + "async request, whose first word is the Host's context.",
    "c",
  );
  w.line(`HOSTBIND_SHIM_EXPORT void ${asyncSymbol(imp)}(void *request);`);
  w.line(`HOSTBIND_SHIM_EXPORT void ${asyncSymbol(imp)}(void *request) {`);
  w.indented(() => {
    w.line(`${shimSymbol(imp)}((double)(uintptr_t)*(unsigned char **)request);`);
  });
  w.line("}");
}

/** One shim: read the arguments, call by the out-pointer rule (`out`: the import's out-area), leave a single result in the block. */
function emitShim(w: SourceWriter, cx: EmitContext, imp: ImportLayout, base: string, block: number, outOffset: number): void {
  w.line(`HOSTBIND_SHIM_EXPORT void ${shimSymbol(imp)}(double hostbind_host);`);
  w.line(`HOSTBIND_SHIM_EXPORT void ${shimSymbol(imp)}(double hostbind_host) {`);
  w.indented(() => {
    w.line(`unsigned char *${base} = (unsigned char *)(uintptr_t)hostbind_host;`);
    const values = imp.params.filter((p) => p.role === "value");
    const data = imp.wire.hasData;
    const ctx = data ? "hostbind_c" : `(hostbind_ctx *)${base}`;
    const name = cString(`${imp.fn.module}.${imp.fn.name}`);
    if (imp.wire.params.length > 0 || imp.returns !== null) w.line(`unsigned char *hostbind_block = ${base} + ${block};`);
    if (data) w.line(`hostbind_ctx *hostbind_c = (hostbind_ctx *)${base};`);
    const args: string[] = [];
    imp.params.forEach((p) => {
      // A data result's `hostbind_out` is the shim's; a struct of results is the import's out-area.
      if (p.role === "out") args.push(imp.dataResult !== null ? "&hostbind_result" : `(${p.cType})(${base} + ${outOffset})`);
      else if (p.role === "ctx") args.push(ctx);
    });
    // `k` walks the wasm parameters in the block: a string or bytes takes two (ptr, len).
    let k = 0;
    const read = (type: string, local: string) => {
      w.line(`${type} ${local};`);
      w.line(`memcpy(&${local}, hostbind_block + ${argumentOffset(k++)}, sizeof ${local});`);
    };
    values.forEach((p, i) => {
      const declared = imp.fn.params[i]!;
      if (p.type !== "string" && p.type !== "bytes") {
        read(p.cType, `hostbind_arg${i}`);
        args.push(`hostbind_arg${i}`);
        return;
      }
      read("uint32_t", `hostbind_arg${i}_ptr`);
      read("uint32_t", `hostbind_arg${i}_len`);
      w.line(`${p.cType} hostbind_arg${i};`);
      const ptr = p.type === "string" ? "hostbind_arg" + i + ".ptr = (const char *)" : `hostbind_arg${i}.ptr = `;
      w.line(`${ptr}hostbind_view(hostbind_c, ${name}, ${cString(declared.name)}, ${p.type === "string" ? 1 : 0}, hostbind_arg${i}_ptr, hostbind_arg${i}_len);`);
      w.line(`if (hostbind_arg${i}.ptr == NULL) {`);
      w.indented(() => w.line("return;"));
      w.line("}");
      w.line(`hostbind_arg${i}.len = hostbind_arg${i}_len;`);
      args.push(`hostbind_arg${i}`);
    });
    const call = `${imp.symbol}(${args.join(", ")})`;
    if (imp.dataResult !== null) {
      emitDataResult(w, cx, imp, name, call, k);
    } else if (imp.returns !== null) {
      w.line(`${C_TYPE[imp.returns]} hostbind_result = ${call};`);
      w.line("memcpy(hostbind_block, &hostbind_result, sizeof hostbind_result);");
    } else {
      w.line(`${call};`);
    }
  });
  w.line("}");
}

/**
 * A `string`/`Uint8Array` result: the return area (`retptr`, the last wasm
 * parameter) is checked before the call, the function hands its bytes over
 * through `hostbind_out` (which allocates in the guest and copies), and the
 * shim writes `(ptr, len)` to the return area as two little-endian `u32`s.
 */
function emitDataResult(w: SourceWriter, cx: EmitContext, imp: ImportLayout, name: string, call: string, k: number): void {
  w.line("uint32_t hostbind_retptr;");
  w.line(`memcpy(&hostbind_retptr, hostbind_block + ${argumentOffset(k)}, sizeof hostbind_retptr);`);
  w.line("hostbind_out hostbind_result;");
  w.line("char hostbind_message[HOSTBIND_TRAP_MESSAGE_SIZE];");
  // With no memory bound hostbind_guest_ptr traps first, and that trap is the one reported.
  w.line("if (hostbind_guest_ptr(hostbind_c, hostbind_retptr, 8) == NULL) {");
  w.indented(() => {
    w.line(`snprintf(hostbind_message, sizeof hostbind_message, "%s: the result area (offset %lu, 8 bytes) is outside guest memory (%llu bytes)", ${name}, (unsigned long)hostbind_retptr, (unsigned long long)hostbind_c->memory_size);`);
    w.line("hostbind_trap(hostbind_c, HOSTBIND_TRAP_BOUNDS, hostbind_message);");
    w.line("return;");
  });
  w.line("}");
  emitOutInit(w, cx, imp, name);
  w.line(`${call};`);
  w.line("if (hostbind_c->trapped || (!hostbind_result.set && hostbind_out_bytes(&hostbind_result, NULL, 0) != 0)) {");
  w.indented(() => {
    if (imp.fn.async) w.line("free(hostbind_result.staged);");
    w.line("return;");
  });
  w.line("}");
  if (imp.fn.async) {
    // Off the JS thread the bytes were copied aside: the finish function hands them over on the JS thread.
    w.line("if (hostbind_result.alloc == NULL) {");
    w.indented(() => {
      w.line(`memcpy(${blockAt(STAGED_RESULT.pointer)}, &hostbind_result.staged, sizeof hostbind_result.staged);`);
      w.line(`memcpy(${blockAt(STAGED_RESULT.len)}, &hostbind_result.len, sizeof hostbind_result.len);`);
      w.line(`memcpy(${blockAt(STAGED_RESULT.retptr)}, &hostbind_retptr, sizeof hostbind_retptr);`);
      w.line("return;");
    });
    w.line("}");
  }
  w.line("hostbind_out_write(hostbind_c, hostbind_retptr, &hostbind_result);");
}

/** `offset` bytes into the argument block, as C (`hostbind_block`, `hostbind_block + 8`). */
function blockAt(offset: number): string {
  return offset === 0 ? "hostbind_block" : `hostbind_block + ${offset}`;
}

/** Fills `hostbind_result`, the `hostbind_out` of one call of `imp`, with the allocator's slot as it reads now. */
function emitOutInit(w: SourceWriter, cx: EmitContext, imp: ImportLayout, name: string): void {
  const { callTableOffset, allocatorSlot } = cx.layout.stubMemory;
  w.line("hostbind_result.ctx = hostbind_c;");
  w.line(`memcpy(&hostbind_result.alloc, (const unsigned char *)hostbind_c + ${callTableOffset + 8 * allocatorSlot}, sizeof hostbind_result.alloc);`);
  w.line(`hostbind_result.import = ${name};`);
  w.line(`hostbind_result.utf8 = ${imp.dataResult === "string" ? 1 : 0};`);
  w.line("hostbind_result.set = 0;");
  w.line("hostbind_result.ptr = 0;");
  w.line("hostbind_result.len = 0;");
  w.line("hostbind_result.staged = NULL;");
}

/**
 * The finish function of an async import with a `string`/`Uint8Array`
 * result: on the JS thread, once the entry returned, it hands the staged
 * copy to the guest's allocator and writes where it landed.
 */
function emitFinish(w: SourceWriter, cx: EmitContext, imp: ImportLayout, base: string, block: number): void {
  const name = cString(`${imp.fn.module}.${imp.fn.name}`);
  w.blank();
  w.docComment(`${cComment(`${imp.fn.module}.${imp.fn.name}`)} is async: the bindings call this on the JS thread after its entry returned, to hand the result over.`, "c");
  w.line(`HOSTBIND_SHIM_EXPORT void ${finishSymbol(imp)}(double hostbind_host);`);
  w.line(`HOSTBIND_SHIM_EXPORT void ${finishSymbol(imp)}(double hostbind_host) {`);
  w.indented(() => {
    w.line(`unsigned char *${base} = (unsigned char *)(uintptr_t)hostbind_host;`);
    w.line(`unsigned char *hostbind_block = ${base} + ${block};`);
    w.line(`hostbind_ctx *hostbind_c = (hostbind_ctx *)${base};`);
    w.line("hostbind_out hostbind_result;");
    w.line("void *hostbind_staged;");
    w.line("uint32_t hostbind_len;");
    w.line("uint32_t hostbind_retptr;");
    w.line("int hostbind_rc;");
    w.line(`memcpy(&hostbind_staged, ${blockAt(STAGED_RESULT.pointer)}, sizeof hostbind_staged);`);
    w.line(`memcpy(&hostbind_len, ${blockAt(STAGED_RESULT.len)}, sizeof hostbind_len);`);
    w.line(`memcpy(&hostbind_retptr, ${blockAt(STAGED_RESULT.retptr)}, sizeof hostbind_retptr);`);
    emitOutInit(w, cx, imp, name);
    // An empty slot: the Host was closed during the call, and the copy is only freed.
    w.line("if (hostbind_result.alloc == NULL) {");
    w.indented(() => {
      w.line("free(hostbind_staged);");
      w.line("return;");
    });
    w.line("}");
    w.line("hostbind_rc = hostbind_out_bytes(&hostbind_result, hostbind_staged, hostbind_len);");
    w.line("free(hostbind_staged);");
    w.line("if (hostbind_rc == 0) {");
    w.indented(() => w.line("hostbind_out_write(hostbind_c, hostbind_retptr, &hostbind_result);"));
    w.line("}");
  });
  w.line("}");
}
