/**
 * Layout: per-target sizes, alignments, offsets and native signatures,
 * computed once from the IR and looked up by every emitter.
 *
 * @example
 * ```ts
 * import { layout } from "./mod.ts";
 * import { readDts } from "../parse/mod.ts";
 * const decls = readDts("declare namespace env { function f(): [i32, f64]; }", "f.d.ts");
 * const l = layout(decls, { target: "x86_64-linux" });
 * l.imports[0]?.result?.fields.map((f) => f.offset); // [0, 8]
 * l.stubMemory.outOffset[0]; // where the stub keeps that import's results
 * ```
 * @module
 */
import { allFunctions, type Declarations, type GuestExport, type ValueType } from "../ir/types.ts";
import { HostbindError } from "../errors.ts";
import { CTX } from "./context.ts";
import { C_TYPE, layoutImport, type ImportLayout } from "./signature.ts";
import { safeCName } from "../ir/names.ts";
import { argumentOffset, ASYNC_REQUEST_BYTES, STAGED_RESULT } from "./paths.ts";
import { alignUp } from "./struct.ts";
import { hostTarget, TARGETS, targetByName, type Target } from "./targets.ts";

export { CTX } from "./context.ts";
export { C_TYPE, layoutImport, type ImportLayout, type NativeParam } from "./signature.ts";
export { alignUp, layoutStruct, type FieldLayout, type StructLayout } from "./struct.ts";
export { hostTarget, TARGETS, targetByName, type Target, type TargetName } from "./targets.ts";

/**
 * Where things live in the stub module's memory: the context at 0, the
 * guest-call table, then one out-area per multi-result import (8-aligned),
 * so no two imports share scratch space even if calls nest, then the
 * argument block.
 */
export interface StubMemoryPlan {
  /** Offset of `hostbind_ctx` (always 0). */
  ctxOffset: number;
  /**
   * Offset of the guest-call table, right after the context: one 8-byte
   * function pointer per slot (each declared guest export, then the
   * allocator when an import returns a `string`/`Uint8Array`), written by
   * the bindings when a Host is loaded. Empty when there are no slots.
   */
  callTableOffset: number;
  /** The allocator's slot in the call table, or -1 when no import has a data result. */
  allocatorSlot: number;
  /**
   * Per import, in `Layout.imports` order: the offset of its out-area, or -1
   * when it has < 2 results. Native code writes the results there on every
   * call path (the out-pointer the function gets); a nested call of the same
   * import keeps the outer call's results in the stub's locals meanwhile.
   */
  outOffset: number[];
  /**
   * Offset of the argument block: imports on the memory call path find their
   * arguments there (8 bytes a parameter, in order) and leave a single result
   * at its start (several go to the import's out-area).
   */
  blockOffset: number;
  /** Size of the argument block: what the largest import's arguments or single result need (at least 8). */
  blockBytes: number;
  /** Bytes used in all (the async request, when there is one, comes after them). */
  bytes: number;
  /**
   * Offset of the async request ({@link ASYNC_REQUEST_BYTES}, 16-aligned,
   * after everything else), or -1 when no import is async: one per Host, as
   * a Host runs one async call at a time.
   */
  requestOffset: number;
  /** 64 KiB pages the stub memory needs (at least 1). */
  pages: number;
}

/** Everything the emitters need about one set of declarations on one target. */
export interface Layout {
  /** The target the numbers are for. */
  target: Target;
  /** One entry per import, in declaration order. */
  imports: ImportLayout[];
  /** Where the runtime keeps the context and out-areas (64-bit targets). */
  stubMemory: StubMemoryPlan;
  /** The guest exports native code calls, in declaration order (slot = index in the call table). */
  guestExports: ExportLayout[];
}

/** A guest export native code calls, with its C function worked out (docs/abi.md §8). */
export interface ExportLayout {
  /** The export as declared. */
  exp: GuestExport;
  /** Its slot in the call table. */
  slot: number;
  /** Byte offset of its function pointer in the stub memory. */
  offset: number;
  /** C parameters after `hostbind_ctx *ctx`, escaped. */
  params: { name: string; cType: string; type: ValueType }[];
  /** The C return type's value type, or `null` for `void`. */
  returns: ValueType | null;
}

/** Options of {@link layout}. */
export interface LayoutOptions {
  /**
   * Target name (`x86_64-linux`, `i686-linux`, …) or a target object.
   * @default the machine hostbind runs on
   */
  target?: string | Target;
}

/** Lays out every import of `decls` for one target. */
export function layout(decls: Declarations, options: LayoutOptions = {}): Layout {
  const target = resolveTarget(options.target);
  const imports = allFunctions(decls).map((fn) => layoutImport(fn, target));
  const callTableOffset = CTX.size;
  const guestExports = (decls.guestExports ?? []).map((exp, slot): ExportLayout => {
    const names: string[] = ["ctx"];
    const params = exp.params.map((p) => {
      const name = safeCName(p.name, { has: (n: string) => names.includes(n) });
      names.push(name);
      const type = p.type as ValueType; // validation: exports take value types only
      return { name, cType: C_TYPE[type], type };
    });
    const returns = exp.results.length === 1 ? (exp.results[0]!.type as ValueType) : null;
    return { exp, slot, offset: callTableOffset + 8 * slot, params, returns };
  });
  const allocatorSlot = imports.some((imp) => imp.dataResult !== null) ? guestExports.length : -1;
  const slots = guestExports.length + (allocatorSlot >= 0 ? 1 : 0);
  let at = callTableOffset + 8 * slots;
  const outOffset = imports.map((imp) => {
    if (!imp.result) return -1;
    const off = alignUp(at, 8);
    at = off + imp.result.size;
    return off;
  });
  const blockOffset = alignUp(at, 8);
  // An async import's string or bytes result waits in the block (STAGED_RESULT).
  const blockBytes = Math.max(8, ...imports.map((imp) =>
    Math.max(argumentOffset(imp.wire.params.length), imp.returns ? 8 : 0, imp.fn.async && imp.dataResult !== null ? STAGED_RESULT.size : 0)
  ));
  const bytes = alignUp(blockOffset + blockBytes, 8);
  const requestOffset = imports.some((imp) => imp.fn.async) ? alignUp(bytes, 16) : -1;
  const total = requestOffset < 0 ? bytes : requestOffset + ASYNC_REQUEST_BYTES;
  return {
    target,
    imports,
    guestExports,
    stubMemory: {
      ctxOffset: 0,
      callTableOffset,
      allocatorSlot,
      outOffset,
      blockOffset,
      blockBytes,
      bytes,
      requestOffset,
      pages: Math.max(1, Math.ceil(total / 65536)),
    },
  };
}

function resolveTarget(t: string | Target | undefined): Target {
  if (t === undefined) return hostTarget();
  if (typeof t !== "string") return t;
  const found = targetByName(t);
  if (!found) {
    throw new HostbindError(`Unknown target \`${t}\``, {
      hint: `Use one of: ${TARGETS.map((x) => x.name).join(", ")}.`,
    });
  }
  return found;
}
