/**
 * The C implementation skeleton (`generate --stubs FILE.c`): every native
 * function of the header, defined with its exact prototype and a body that
 * traps with "MODULE.NAME: not implemented", so the library builds and loads
 * before any function is written (also under `-Wall -Wextra -Werror`).
 *
 * @example
 * ```ts
 * import { emitCSkeleton } from "./c.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function gcd(a: i32, b: i32): i32; }", "gcd.d.ts");
 * const c = emitCSkeleton(createEmitContext(decls, "gcd", undefined), "gen/gcd.h");
 * c.includes('hostbind_trap(ctx, -1, "env.gcd: not implemented");'); // true
 * ```
 * @module
 */
import type { ImportLayout } from "../../layout/mod.ts";
import type { EmitContext } from "../context.ts";
import { cComment, cDocText, cString } from "../c/escape.ts";
import { prototypeLines } from "../c/prototype.ts";
import { wasmImportText } from "../wat.ts";
import { SourceWriter, wrapWords } from "../writer.ts";
import { shimNeed } from "../shim_need.ts";
import { buildLines, notImplemented, skeletonIntro, TRAP_CODE } from "./intro.ts";

/**
 * Emits the C skeleton `file` (its base name, for the build lines) for `cx`;
 * `header` is the path of `NAME.h` as the skeleton includes it (relative to
 * the skeleton's folder, `/` separators); `library` is where the build lines
 * write the library (relative to that folder, without the platform's
 * extension unless it has one: where the bindings' `--lib` points).
 */
export function emitCSkeleton(cx: EmitContext, header: string, file = `${cx.name}.c`, library = `lib${cx.name}`): string {
  const w = new SourceWriter("  ");
  const imports = cx.layout.imports;
  w.docComment(cComment([
    ...skeletonIntro(cx, header),
    "",
    ...buildLines(library, (out) => `cc -shared -fPIC -o ${out} ${file}`, (out) => `cc -dynamiclib -o ${out} ${file}`),
  ].join("\n")), "c");
  const need = shimNeed(cx.layout);
  if (need !== "") {
    // Without the shims the library does not load where the bindings call one (every Node import).
    w.docComment(cComment(wrapWords(`Compiles the header's call shims into this library, once. ${need}`, 76)), "c");
    w.line("#define HOSTBIND_IMPLEMENTATION");
  }
  w.line(`#include ${cString(header)}`);
  if (imports.some((imp) => imp.fn.noctx)) {
    w.blank();
    w.line("#include <stdio.h>");
    w.line("#include <stdlib.h>");
  }
  for (const imp of imports) {
    w.blank();
    emitDefinition(w, imp);
  }
  return w.toString();
}

function emitDefinition(w: SourceWriter, imp: ImportLayout): void {
  w.docComment(cDocText(imp.fn.doc, [`wasm: ${wasmImportText(imp.fn)}`]), "c");
  const lines = prototypeLines(imp);
  lines[lines.length - 1] = `${lines[lines.length - 1]!.slice(0, -1)} {`;
  w.lines(lines);
  w.indented(() => {
    for (const p of imp.params) if (p.role !== "ctx") w.line(`(void)${p.name};`);
    const message = cString(notImplemented(imp));
    if (imp.fn.noctx) {
      // Without a context there is no trap to raise: say so and stop the process.
      w.line(`fprintf(stderr, "%s\\n", ${message});`);
      w.line("abort();");
    } else {
      w.line(`hostbind_trap(ctx, ${TRAP_CODE}, ${message});`);
      if (imp.returns !== null) w.line("return 0;");
    }
  });
  w.line("}");
}
