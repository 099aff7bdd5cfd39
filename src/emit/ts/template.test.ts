import { describe, expect, it } from "vitest";
import { SourceWriter } from "../writer.ts";
import { readTemplate, writeTemplate } from "./template.ts";

function written(template: string, values: Record<string, string | ((w: SourceWriter) => void)>): string {
  const w = new SourceWriter();
  const bound = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : () => v(w)]));
  writeTemplate(w, template, bound);
  return w.toString();
}

describe("writeTemplate", () => {
  it("fills inline slots and writes a slot alone on its line at that line's indentation", () => {
    expect(written("a {{X}} b\n  {{BODY}}\nz\n", { X: "1", BODY: "p;\n\nq;" })).toBe("a 1 b\n  p;\n\n  q;\nz\n");
    expect(written("{\n\t{{BODY}}\n}", { BODY: (w) => w.line("a;").indented(() => w.line("b;")) })).toBe("{\n\ta;\n\t  b;\n}\n");
  });

  it("rejects a slot without a value, a value without a slot, and a writer inside a line", () => {
    expect(() => written("{{X}}", {})).toThrow("{{X}} has no value");
    expect(() => written("x", { X: "1" })).toThrow("no slot for X");
    expect(() => written("x = {{X}};", { X: () => {} })).toThrow("needs text");
  });
});

describe("readTemplate", () => {
  it("reads the embedded templates", () => {
    expect(readTemplate("ts-load.ts.tmpl")).toContain("{{BINDINGS}}");
    expect(() => readTemplate("nope.tmpl")).toThrow("no template named nope.tmpl");
  });
});
