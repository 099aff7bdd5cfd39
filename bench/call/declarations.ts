/**
 * The generated cases as hostbind input: the TypeScript declaration file the
 * benchmark feeds to `generate()`, and the same imports as IR (built by hand,
 * so the native implementation can be written from `layoutImport` without
 * waiting for the parser).
 *
 * @example
 * ```ts
 * import { declarationText } from "./declarations.ts";
 * import { GENERATED_CASES } from "./cases.ts";
 * declarationText(GENERATED_CASES); // "export declare namespace bench {\n  function void1(a: i32): void; …"
 * ```
 * @module
 */
import type { Declarations, ImportFunction } from "../../src/ir/types.ts";
import { caseSymbol, GENERATED_MODULE, type GeneratedCase, GUEST_EXPORTS_NAMESPACE, PARAM_NAMES } from "./cases.ts";
import type { DeclaredType } from "../../src/ir/types.ts";

/**
 * The declaration file for `cases` (module `bench`, results labelled `r0`, `r1`, …).
 *
 * @example `declarationText(GENERATED_CASES).includes("function two(a: i32): [r0: i32, r1: i32];"); // true`
 */
export function declarationText(cases: readonly GeneratedCase[]): string {
  const lines = [
    "// hostbind benchmark imports, written by bench/call/build.ts.",
    'import type { f32, f64, i32, i64, u32 } from "hostbind";',
    "",
    "/** Imports the call-overhead benchmark measures. */",
    `export declare namespace ${GENERATED_MODULE} {`,
  ];
  for (const c of cases) {
    lines.push(c.noctx ? `  /**\n   * ${c.label}\n   * @noctx\n   */` : `  /** ${c.label} */`);
    lines.push(`  function ${c.id}(${paramList(c)}): ${resultType(c)};`);
  }
  lines.push(
    "}",
    "",
    "/** The guest export the guestcall case's native code calls. @exports */",
    `export declare namespace ${GUEST_EXPORTS_NAMESPACE} {`,
    "  /** Returns x. */",
    "  function ident(x: i32): i32;",
    "}",
    "",
  );
  return lines.join("\n");
}

function paramList(c: GeneratedCase): string {
  return (c.declared?.params ?? c.params).map((t, i) => `${PARAM_NAMES[i]}: ${t === "bytes" ? "Uint8Array" : t}`).join(", ");
}

function resultType(c: GeneratedCase): string {
  if (c.declared) return c.declared.result;
  if (c.results.length === 0) return "void";
  if (c.results.length === 1) return c.results[0]!;
  return `[${c.results.map((t, k) => `r${k}: ${t}`).join(", ")}]`;
}

/**
 * The same imports as IR, as the parser would produce them.
 *
 * @example `declarationIR(GENERATED_CASES).modules[0]!.functions.length; // GENERATED_CASES.length`
 */
export function declarationIR(cases: readonly GeneratedCase[], file = "bench.d.ts"): Declarations {
  const at = { file, line: 1, column: 1 };
  const declared = (t: string): DeclaredType => (t === "Uint8Array" ? "bytes" : t) as DeclaredType;
  const functions: ImportFunction[] = cases.map((c) => ({
    module: GENERATED_MODULE,
    name: c.id,
    symbol: caseSymbol(c),
    symbolExplicit: false,
    params: (c.declared?.params ?? c.params).map((type, i) => ({ name: PARAM_NAMES[i]!, type: declared(type) })),
    results: c.declared
      ? (c.declared.result === "void" ? [] : [{ name: "r0", type: declared(c.declared.result), labelled: false }])
      : c.results.map((type, k) => ({ name: `r${k}`, type, labelled: true })),
    noctx: c.noctx,
    async: false,
    doc: c.label,
    location: at,
  }));
  return { file, modules: [{ name: GENERATED_MODULE, doc: "", functions, location: at }] };
}
