/**
 * The call shims of the memory call path in Rust, the same as the C
 * header's (`../c/shims.ts`): `extern "C"` functions handed their Host's
 * address as an `f64` that read the arguments from that Host's argument
 * block, call the crate's implementation (declared here by its C symbol),
 * and leave a single result in the block (two or more the implementation
 * writes to the import's out-area itself). NAME.rs is compiled once per crate, so they
 * need no switch like C's `HOSTBIND_IMPLEMENTATION`.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * import { rustItemNames } from "./items.ts";
 * import { emitRustShims } from "./shims.ts";
 * const cx = createEmitContext(readDts("declare namespace env { function gcd(a: i32, b: i32): i32; }", "gcd.d.ts"), "gcd", undefined);
 * const w = new SourceWriter("    ");
 * emitRustShims(w, cx, rustItemNames(cx.layout.imports));
 * w.toString().includes("pub unsafe extern \"C\" fn hostbind_shim_env_gcd(host: f64) {"); // true
 * ```
 * @module
 */
import type { EmitContext } from "../context.ts";
import type { SourceWriter } from "../writer.ts";
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
import { RUST_CTX } from "./ctx.ts";
import { rustCBytes, rustString } from "./names.ts";
import { RUST_PARAM_TYPE, RUST_TYPE, rustParams, rustReturn, type RustItemNames } from "./items.ts";

/** `offset` bytes into the argument block, as Rust (`block`, `block.add(8)`). */
function blockAt(offset: number): string {
  return offset === 0 ? "block" : `block.add(${offset})`;
}

/** Writes the layout fingerprint's function and one shim per import on the memory path. */
export function emitRustShims(w: SourceWriter, cx: EmitContext, names: readonly RustItemNames[]): void {
  const { outOffset } = cx.layout.stubMemory;
  const shimmed = cx.layout.imports.map((imp, i) => ({ imp, names: names[i]!, out: outOffset[i]! })).filter(({ imp }) => hasShim(imp));
  const layoutFn = layoutSymbol(cx.layout);
  if (layoutFn === undefined) return;
  const block = cx.layout.stubMemory.blockOffset;
  w.line("// The call shims of the memory call path: each is handed its Host's address (the stub");
  w.line("// memory, the context at 0) as an f64 — exact, every user-space address is below 2^53 —");
  w.line("// reads the arguments from that Host's argument block, calls the implementation (declared");
  w.line("// below by its C symbol) and leaves a single result in the block; two or more the");
  w.line("// implementation writes to the import's out-area itself.");
  w.line("/// Which declarations these shims were compiled from: load() compares it with the bindings'");
  w.line("/// and asks for a rebuild when the library is older or newer than they are.");
  w.line("#[unsafe(no_mangle)]");
  w.line(`pub extern "C" fn ${layoutFn}() -> u32 {`);
  w.indented(() => w.line(fingerprintHex(cx.layout)));
  w.line("}");
  w.blank();
  w.line("// The implementations, as the crate exports them.");
  w.line("#[allow(improper_ctypes, clashing_extern_declarations)]");
  w.line('unsafe extern "C" {');
  w.indented(() => {
    for (const { imp, names: n } of shimmed) {
      w.line(`#[link_name = "${imp.symbol}"]`);
      w.line(`fn hostbind_impl_${imp.symbol}(${rustParams(imp, n).join(", ")})${rustReturn(imp)};`);
    }
  });
  w.line("}");
  for (const { imp, names: n, out } of shimmed) {
    w.blank();
    w.line("#[unsafe(no_mangle)]");
    w.line(`pub unsafe extern "C" fn ${shimSymbol(imp)}(host: f64) {`);
    w.indented(() => {
      w.line("let base = host as usize as *mut u8;");
      const values = imp.params.filter((p) => p.role === "value");
      const data = imp.wire.hasData;
      const usesBlock = imp.wire.params.length > 0 || imp.returns !== null;
      if (usesBlock) w.line(`let block = unsafe { base.add(${block}) };`);
      if (imp.result !== null) w.line(`let out = unsafe { base.add(${out}) } as *mut ${n.result};`);
      if (data) w.line(`let ctx = unsafe { &*(base as *const ${RUST_CTX}) };`);
      const name = `${imp.fn.module}.${imp.fn.name}`;
      const args: string[] = [];
      for (const p of imp.params) {
        // A data result's `HostbindOut` is the shim's; a struct of results is the import's out-area.
        if (p.role === "out") args.push(imp.dataResult !== null ? "&mut result" : "out");
        else if (p.role === "ctx") args.push(`base as *mut ${RUST_CTX}`);
      }
      // `k` walks the wasm parameters in the block: a string or bytes takes two (ptr, len).
      let k = 0;
      const read = (local: string, t: string) => w.line(`let ${local} = unsafe { (block.add(${argumentOffset(k++)}) as *const ${t}).read_unaligned() };`);
      values.forEach((p, i) => {
        if (p.type !== "string" && p.type !== "bytes") {
          read(`arg${i}`, RUST_PARAM_TYPE[p.type!]);
          args.push(`arg${i}`);
          return;
        }
        read(`arg${i}_ptr`, "u32");
        read(`arg${i}_len`, "u32");
        const utf8 = p.type === "string";
        w.line(`let Some(arg${i}) = hostbind_view(ctx, ${rustString(name)}, ${rustString(imp.fn.params[i]!.name)}, ${utf8}, arg${i}_ptr, arg${i}_len) else {`);
        w.line("    return;");
        w.line("};");
        w.line(`let arg${i} = ${utf8 ? "HostbindStr" : "HostbindBytes"} { ptr: arg${i}, len: arg${i}_len as usize };`);
        args.push(`arg${i}`);
      });
      const call = `unsafe { hostbind_impl_${imp.symbol}(${args.join(", ")}) }`;
      if (imp.dataResult !== null) {
        const { callTableOffset, allocatorSlot } = cx.layout.stubMemory;
        read("retptr", "u32");
        // With no memory bound guest_ptr traps first, and that trap is the one reported.
        w.line("if ctx.guest_ptr(retptr, 8).is_none() {");
        w.line(`    ctx.raise(HOSTBIND_TRAP_BOUNDS, &format!("{}: the result area (offset {retptr}, 8 bytes) is outside guest memory ({} bytes)", ${rustString(name)}, ctx.memory_size));`);
        w.line("    return;");
        w.line("}");
        w.line(`let mut result = HostbindOut::new(base as *mut ${RUST_CTX}, ${callTableOffset + 8 * allocatorSlot}, ${rustCBytes(name)}, ${imp.dataResult === "string"});`);
        w.line(`${call};`);
        w.line("if ctx.trapped.get() != 0 || (result.set == 0 && result.set_bytes(&[]).is_err()) {");
        w.line("    return;");
        w.line("}");
        if (imp.fn.async) {
          // Off the JS thread the bytes were copied aside: the finish function hands them over on the JS thread.
          w.line("if result.alloc.is_none() {");
          w.indented(() => {
            w.line("let staged = ::core::mem::take(&mut result.staged).into_boxed_slice();");
            w.line("let len = staged.len() as u32;");
            w.line("let at = Box::into_raw(staged) as *mut u8 as usize as u64;");
            w.line(`unsafe { (${blockAt(STAGED_RESULT.pointer)} as *mut u64).write_unaligned(at) };`);
            w.line(`unsafe { (${blockAt(STAGED_RESULT.len)} as *mut u32).write_unaligned(len) };`);
            w.line(`unsafe { (${blockAt(STAGED_RESULT.retptr)} as *mut u32).write_unaligned(retptr) };`);
            w.line("return;");
          });
          w.line("}");
        }
        w.line("result.write_area(retptr);");
      } else if (imp.returns !== null) {
        w.line(`let result = ${call};`);
        w.line(`unsafe { (block as *mut ${RUST_TYPE[imp.returns]}).write_unaligned(result) };`);
      } else {
        w.line(`${call};`);
      }
    });
    w.line("}");
    if (imp.fn.async && imp.dataResult !== null) {
      const { callTableOffset, allocatorSlot } = cx.layout.stubMemory;
      const name = `${imp.fn.module}.${imp.fn.name}`;
      w.blank();
      w.line(`/// \`${name}\` is async: the bindings call this on the JS thread after its entry returned, to hand the result over.`);
      w.line("#[unsafe(no_mangle)]");
      w.line(`pub unsafe extern "C" fn ${finishSymbol(imp)}(host: f64) {`);
      w.indented(() => {
        w.line("let base = host as usize as *mut u8;");
        w.line(`let block = unsafe { base.add(${block}) };`);
        w.line(`let at = unsafe { (${blockAt(STAGED_RESULT.pointer)} as *const u64).read_unaligned() } as usize as *mut u8;`);
        w.line(`let len = unsafe { (${blockAt(STAGED_RESULT.len)} as *const u32).read_unaligned() } as usize;`);
        w.line(`let retptr = unsafe { (${blockAt(STAGED_RESULT.retptr)} as *const u32).read_unaligned() };`);
        w.line("// SAFETY: the entry left a boxed slice of `len` bytes at `at`; it is taken back (and freed) here.");
        w.line("let staged = unsafe { Box::from_raw(::core::ptr::slice_from_raw_parts_mut(at, len)) };");
        w.line(`let mut result = HostbindOut::new(base as *mut ${RUST_CTX}, ${callTableOffset + 8 * allocatorSlot}, ${rustCBytes(name)}, ${imp.dataResult === "string"});`);
        w.line("// An empty slot: the Host was closed during the call, and the copy is only freed (dropped).");
        w.line("if result.alloc.is_none() {");
        w.line("    return;");
        w.line("}");
        w.line("if result.set_bytes(&staged).is_ok() {");
        w.line("    result.write_area(retptr);");
        w.line("}");
      });
      w.line("}");
    }
    if (imp.fn.async) {
      w.blank();
      w.line(`/// \`${imp.fn.module}.${imp.fn.name}\` is async: the bindings run this on a thread of their own, with the Host's`);
      w.line("/// async request, whose first word is the Host's context.");
      w.line("#[unsafe(no_mangle)]");
      w.line(`pub unsafe extern "C" fn ${asyncSymbol(imp)}(request: *const *mut u8) {`);
      w.indented(() => {
        w.line("let ctx = unsafe { *request };");
        w.line(`unsafe { ${shimSymbol(imp)}(ctx as usize as f64) };`);
      });
      w.line("}");
    }
  }
}
