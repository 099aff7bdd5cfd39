/**
 * The static parts of the generated TS modules live in `templates/` as
 * plain files (embedded into `_templates.ts`); this writes them, filling their `{{NAME}}` slots. Templates interpolate and
 * never decide: every value is resolved by the emitter first. A slot alone
 * on its line takes that line's indentation for every line it inserts.
 *
 * @example
 * ```ts
 * import { writeTemplate } from "./template.ts";
 * import { SourceWriter } from "../writer.ts";
 * const w = new SourceWriter();
 * writeTemplate(w, "a {{X}} b\n  {{BODY}}\n", { X: "1", BODY: "p;\nq;" });
 * w.toString(); // "a 1 b\n  p;\n  q;\n"
 * ```
 * @module
 */
import type { SourceWriter } from "../writer.ts";
import { TEMPLATES } from "./_templates.ts";

/**
 * The text of `templates/NAME`. The files are embedded in `_templates.ts` by
 * `npm run templates` (a test fails while that copy is stale), so generating
 * reads no files and works wherever the library is loaded from — a checkout,
 * `dist/` in an npm package, or an `https:` URL from JSR.
 *
 * @example
 * ```ts
 * readTemplate("ts-load.ts.tmpl").includes("{{BINDINGS}}"); // true
 * ```
 */
export function readTemplate(name: string): string {
  const text = TEMPLATES[name];
  if (text === undefined) throw new Error(`no template named ${name}`);
  return text;
}

/**
 * Writes `template` into `w`, filling its `{{NAME}}` slots. A slot alone on
 * its line is written at that line's indentation: its value is text, or a
 * function that writes into `w` (so big sections are written in place, not
 * built as a string and re-indented). A slot inside a line takes text. A
 * slot without a value, or a value without a slot, is a bug.
 *
 * @example
 * ```ts
 * import { SourceWriter } from "../writer.ts";
 * const w = new SourceWriter();
 * writeTemplate(w, "x = {{X}};\nif (x) {\n  {{BODY}}\n}", { X: "1", BODY: () => w.line("f();") });
 * w.toString(); // "x = 1;\nif (x) {\n  f();\n}\n"
 * ```
 */
export function writeTemplate(w: SourceWriter, template: string, values: Readonly<Record<string, string | (() => void)>>): void {
  const used = new Set<string>();
  const value = (key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`template slot {{${key}}} has no value`);
    used.add(key);
    return v;
  };
  for (const line of template.split("\n")) {
    const slot = /^([ \t]*)\{\{([A-Z_]+)\}\}[ \t]*$/.exec(line);
    if (slot !== null) {
      const v = value(slot[2]!);
      w.within(slot[1]!, typeof v === "string" ? () => w.line(v) : v);
      continue;
    }
    w.line(line.replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
      const v = value(key);
      if (typeof v !== "string") throw new Error(`template slot {{${key}}} inside a line needs text`);
      return v;
    }));
  }
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`template has no slot for ${unused.join(", ")}`);
}
