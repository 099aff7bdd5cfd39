/**
 * Writes the C implementation of the generated cases against hostbind's
 * generated header, from the same layout (`layoutImport`) the header is
 * written from, so the prototypes match by construction. Each function's
 * probe slot is its index in the case list (see `native/probe.h`).
 *
 * @example
 * ```ts
 * import { implementationC } from "./native.ts";
 * import { GENERATED_CASES } from "./cases.ts";
 * const c = implementationC(GENERATED_CASES, "bench.h");
 * // #include "bench.h" … int32_t bench_one(hostbind_ctx *ctx, int32_t a) { … }
 * ```
 * @module
 */
import { C_TYPE, layoutImport } from "../../src/layout/signature.ts";
import { targetByName } from "../../src/layout/targets.ts";
import { allFunctions } from "../../src/ir/types.ts";
import type { GeneratedCase } from "./cases.ts";
import { declarationIR } from "./declarations.ts";

/** The function the runners call to read the void case's sink (not a hostbind import). */
export const SINK_SYMBOL = "bench_sink_read";

/**
 * C source implementing every case in `cases`, including `header`.
 *
 * @example `implementationC(GENERATED_CASES, "bench.h").includes("int32_t bench_one(hostbind_ctx *ctx, int32_t a)"); // true`
 */
export function implementationC(cases: readonly GeneratedCase[], header: string): string {
  const target = targetByName("x86_64-linux")!;
  const fns = allFunctions(declarationIR(cases));
  const out = [
    "/* Native side of the generated benchmark cases, written by bench/call/native.ts. */",
    "#define _GNU_SOURCE",
    "#include <stdint.h>",
    "",
    `#include "${header}"`,
    '#include "probe.h"',
    "",
    "static int64_t sink;",
    "",
    "/* What the bytes64 case hands over. */",
    "static const uint8_t bytes64[64] = {1, 2, 3, 4, 5, 6, 7, 8};",
    "",
    "/* What the void case added up. */",
    `int64_t ${SINK_SYMBOL}(void) {`,
    "  return sink;",
    "}",
  ];
  cases.forEach((c, slot) => {
    const l = layoutImport(fns[slot]!, target);
    const ret = l.returns === null ? "void" : C_TYPE[l.returns];
    const params = l.params.map((p) => `${p.cType.endsWith("*") ? p.cType : `${p.cType} `}${p.name}`);
    out.push("", `${ret} ${l.symbol}(${params.join(", ")}) {`, `  PROBE(${slot});`);
    const values = l.params.filter((p) => p.role === "value").map((p) => p.name);
    if (c.arg === "ptr16") {
      out.push(...sum16Body(values[0]!));
    } else if (c.arg === "win16") {
      // The same work for the string and the two numbers: add the length to the sink.
      out.push("  (void)ctx;", `  (void)${values[0]};`, `  sink += (int64_t)${c.declared ? `${values[0]}.len` : values[1]};`);
    } else if (c.arg === "ret64") {
      out.push("  (void)ctx;", "  hostbind_out_bytes(out, bytes64, sizeof bytes64);");
    } else if (c.native === "guestcall") {
      out.push(`  return benchg_ident(ctx, ${values[0]});`);
    } else {
      out.push(`  int64_t s = ${values.map((v) => `(int64_t)${v}`).join(" + ")};`);
      if (l.params.some((p) => p.role === "ctx")) out.push("  (void)ctx;");
      if (l.result) {
        l.result.fields.forEach((f, k) => out.push(`  out->${f.name} = (${C_TYPE[f.type]})(s + ${k});`));
      } else if (l.returns !== null) {
        out.push(`  return (${ret})s;`);
      } else {
        out.push("  sink += s;");
      }
    }
    out.push("}");
  });
  return out.join("\n") + "\n";
}

function sum16Body(offset: string): string[] {
  return [
    `  const uint8_t *p = (const uint8_t *)hostbind_guest_ptr(ctx, ${offset}, 16);`,
    "  if (p == NULL) {",
    '    hostbind_trap(ctx, 1, "sum16: window out of bounds");',
    "    return 0;",
    "  }",
    "  int32_t s = 0;",
    "  for (int t = 0; t < 16; t++) s += p[t];",
    "  return s;",
  ];
}
