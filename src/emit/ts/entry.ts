/**
 * The runtime-neutral entry `NAME.ts`: one import for a host file that runs
 * on Deno, Bun and Node. It declares the public API (`Imports`,
 * `LoadOptions`, `Host`, `HostTrap`) without any runtime's types and loads
 * the runtime's own module (`NAME.deno.ts`, `NAME.bun.ts` or `NAME.node.ts`)
 * at run time, so the host file type-checks under `deno check` and under
 * `tsc` with Bun's or Node's types alike.
 *
 * @example
 * ```ts
 * import { emitEntry } from "./entry.ts";
 * import { DENO } from "../deno/mod.ts";
 * import { BUN } from "../bun/mod.ts";
 * import { createEmitContext } from "../context.ts";
 * import { readDts } from "../../parse/mod.ts";
 * const decls = readDts("declare namespace env { function now(): f64; }", "clock.d.ts");
 * const source = emitEntry(createEmitContext(decls, "clock", undefined), [DENO, BUN]);
 * source.includes('"./clock.bun.ts"'); // true
 * ```
 * @module
 */
import type { EmitContext } from "../context.ts";
import { SourceWriter } from "../writer.ts";
import type { Dialect } from "./dialect.ts";
import { emitBanner, emitImportsInterface } from "./emit.ts";
import { tsModel, type TsModel } from "./model.ts";
import { jsString } from "./names.ts";
import { readTemplate, writeTemplate } from "./template.ts";

/**
 * `userData` as every runtime takes it: a pointer's address as a bigint
 * (`Deno.UnsafePointer.value(p)` on Deno, `BigInt(p)` on Bun, as it is on Node).
 */
const USER_DATA_TYPE = "bigint";

/**
 * Emits `NAME.ts` for `cx`, choosing among `dialects` (those generated
 * beside it) by each dialect's `detect` expression, in the order given.
 */
export function emitEntry(cx: EmitContext, dialects: readonly Dialect[], model: TsModel = tsModel(cx)): string {
  const w = new SourceWriter();
  const input = cx.decls.file.split(/[\\/]/).pop() ?? cx.decls.file;
  const runtimes = listed(dialects.map((d) => d.runtime), "and");
  const loadCall = cx.lib === undefined ? `load(${jsString(`./lib${cx.name}`)})` : "load()";
  emitBanner(w);
  w.docComment([
    `Bindings for the wasm imports declared in \`${input}\`, for ${runtimes}: import`,
    `this file, and it loads ${dialects.map((d) => `\`./${cx.name}${d.extension}\` on ${d.runtime}`).join(", ")}.`,
    "Its types use neither runtime's, so one host file type-checks for all of them.",
    "",
    "@example",
    "```ts",
    `import { load } from ${jsString(`./${cx.name}.ts`)};`,
    `using host = ${loadCall};`,
    "const { instance } = await WebAssembly.instantiate(guestBytes, host.imports);",
    "host.bind(instance);",
    "```",
    "@module",
  ].join("\n"), "jsdoc-line");
  w.blank();
  emitImportsInterface(w, model);
  w.blank();
  writeTemplate(w, readTemplate("ts-api.ts.tmpl"), { USER_DATA_TYPE });
  w.blank();
  writeTemplate(w, readTemplate("entry.ts.tmpl"), { PICK: () => emitPick(w, cx, dialects) });
  return w.toString();
}

/** `a`, `a and b`, `a, b and c` (with `or` for `or`). */
function listed(items: readonly string[], conjunction: "and" | "or"): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function emitPick(w: SourceWriter, cx: EmitContext, dialects: readonly Dialect[]): void {
  w.docComment("The bindings module for the runtime running this file, relative to it.", "jsdoc-line");
  w.line("function bindingsModule(): string {");
  w.indented(() => {
    for (const d of dialects) {
      const file = `${cx.name}${d.extension}`;
      const guard = d.guard;
      if (guard === undefined) {
        w.line(`if (${d.detect}) return ${jsString(`./${file}`)};`);
        continue;
      }
      w.line(`if (${d.detect}) {`);
      w.indented(() => {
        for (const line of guard(file)) w.line(line);
        w.line(`return ${jsString(`./${file}`)};`);
      });
      w.line("}");
    }
    const message = `hostbind: ${cx.name}.ts has bindings for ${listed(dialects.map((d) => d.runtime), "and")} only; `
      + `run the host with ${listed(dialects.map((d) => d.runtime.toLowerCase()), "or")}`;
    w.line(`throw new Error(${jsString(message)});`);
  });
  w.line("}");
}
