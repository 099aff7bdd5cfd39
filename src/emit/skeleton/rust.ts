/**
 * The Rust implementation skeleton (`generate --stubs FILE.rs`): a `cdylib`
 * crate root that includes `NAME.rs` and exports every native function with
 * its exact signature (checked against the generated `…Fn` alias) and a body
 * that traps with "MODULE.NAME: not implemented". It compiles without
 * warnings in editions 2021 and 2024.
 *
 * @example
 * ```ts
 * import { emitRustSkeleton } from "./rust.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function gcd(a: i32, b: i32): i32; }", "gcd.d.ts");
 * const rs = emitRustSkeleton(createEmitContext(decls, "gcd", undefined), "gen/gcd.rs");
 * rs.includes("const _: EnvGcdFn = env_gcd;"); // true
 * ```
 * @module
 */
import type { ImportLayout } from "../../layout/mod.ts";
import type { EmitContext } from "../context.ts";
import { rustImpl, rustItemNames, rustParams, type RustItemNames } from "../rust/items.ts";
import { rustString } from "../rust/names.ts";
import { wasmImportText } from "../wat.ts";
import { commentLines, SourceWriter } from "../writer.ts";
import { buildLines, notImplemented, skeletonIntro, TRAP_CODE } from "./intro.ts";

/**
 * Emits the Rust skeleton `file` (its base name, for the build lines) for
 * `cx`; `module` is the path of `NAME.rs` relative to the skeleton's folder
 * (`/` separators); `library`, where the build lines write the library (as
 * for the C skeleton).
 */
export function emitRustSkeleton(cx: EmitContext, module: string, file = `${cx.name}.rs`, library = `lib${cx.name}`): string {
  const w = new SourceWriter("    ");
  const imports = cx.layout.imports;
  const names = rustItemNames(imports);
  const intro = [
    ...skeletonIntro(cx, module),
    "",
    ...buildLines(library, (out) => `rustc --edition 2024 --crate-type cdylib -o ${out} ${file}`, (out) => `rustc --edition 2024 --crate-type cdylib -o ${out} ${file}`),
  ];
  // Through commentLines: a path with a line break cannot end the comment.
  for (const l of commentLines(intro.join("\n"))) w.line(l === "" ? "//!" : `//! ${l}`);
  w.blank();
  w.line(`#[path = ${rustString(module)}]`);
  w.line("mod hostbind;");
  w.blank();
  w.line("#[allow(unused_imports)]");
  w.line("use hostbind::*;");
  imports.forEach((imp, i) => {
    w.blank();
    emitFunction(w, imp, names[i]!);
  });
  return w.toString();
}

function emitFunction(w: SourceWriter, imp: ImportLayout, names: RustItemNames): void {
  for (const l of [...commentLines(imp.fn.doc), ...(imp.fn.doc === "" ? [] : [""]), `wasm: \`${wasmImportText(imp.fn)}\``]) {
    w.line(l === "" ? "///" : `/// ${l}`);
  }
  const impl = rustImpl(imp, names);
  w.line(impl.attribute);
  w.line(`${impl.signature} {`);
  w.indented(() => {
    const params = rustParams(imp, names).map((p) => p.slice(0, p.indexOf(":")));
    const unused = imp.fn.noctx ? params : params.filter((_, i) => imp.params[i]!.role !== "ctx");
    if (unused.length > 0) w.line(`let _ = (${unused.join(", ")}${unused.length === 1 ? "," : ""});`);
    const message = rustString(notImplemented(imp));
    if (imp.fn.noctx) {
      // Without a context there is no trap to raise: say so and stop the process.
      w.line(`::std::eprintln!("{}", ${message});`);
      w.line("::std::process::abort()");
      return;
    }
    const ctx = params[imp.params.findIndex((p) => p.role === "ctx")]!;
    w.line(`unsafe { (*${ctx}).trap(${TRAP_CODE}, ${message}) };`);
    if (imp.returns !== null) w.line(imp.returns.startsWith("f") ? "0.0" : "0");
  });
  w.line("}");
  w.line(`const _: ${names.fn} = ${impl.name};`);
}
