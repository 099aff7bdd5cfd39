/**
 * The static parts of the generated TS modules live in `templates/` as
 * plain files (embedded into `_templates.ts`); this fills their `{{NAME}}` slots. Templates interpolate and
 * never decide: every value is resolved by the emitter first. A slot alone
 * on its line takes that line's indentation for every line it inserts.
 *
 * @example
 * ```ts
 * import { fillTemplate } from "./template.ts";
 * fillTemplate("a {{X}} b\n  {{BODY}}\n", { X: "1", BODY: "p;\nq;" });
 * // "a 1 b\n  p;\n  q;\n"
 * ```
 * @module
 */
import { TEMPLATES } from "./_templates.ts";

/**
 * The text of `templates/NAME`. The files are embedded in `_templates.ts` by
 * `npm run templates` (a test fails while that copy is stale), so generating
 * reads no files and works wherever the library is loaded from — a checkout,
 * `dist/` in an npm package, or an `https:` URL from JSR.
 *
 * @example
 * ```ts
 * readTemplate("deno-load.ts.tmpl").includes("{{BINDINGS}}"); // true
 * ```
 */
export function readTemplate(name: string): string {
  const text = TEMPLATES[name];
  if (text === undefined) throw new Error(`no template named ${name}`);
  return text;
}

/**
 * Fills every `{{NAME}}` slot of `template`; a slot without a value, or a value without a slot, is a bug.
 *
 * @example
 * ```ts
 * fillTemplate("x = {{X}};", { X: "1" }); // "x = 1;"
 * ```
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const out = template.replace(/^([ \t]*)\{\{([A-Z_]+)\}\}[ \t]*$|\{\{([A-Z_]+)\}\}/gm, (_m, indent, lineKey, inlineKey) => {
    const key: string = lineKey ?? inlineKey;
    const value = values[key];
    if (value === undefined) throw new Error(`template slot {{${key}}} has no value`);
    used.add(key);
    if (lineKey === undefined) return value;
    const body = value.endsWith("\n") ? value.slice(0, -1) : value;
    if (indent === "") return body;
    return (body.startsWith("\n") || body === "" ? "" : indent) + body.replace(/\n(?=[^\n])/g, `\n${indent}`);
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`template has no slot for ${unused.join(", ")}`);
  return out;
}
