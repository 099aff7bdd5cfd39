import { describe, expect, it } from "vitest";
import { fillTemplate, readTemplate, templateAround } from "./template.ts";

describe("fillTemplate", () => {
  it("fills inline slots and indents a slot alone on its line", () => {
    expect(fillTemplate("a {{X}} b\n  {{BODY}}\nz\n", { X: "1", BODY: "p;\n\nq;\n" })).toBe("a 1 b\n  p;\n\n  q;\nz\n");
  });

  it("rejects a slot without a value and a value without a slot", () => {
    expect(() => fillTemplate("{{X}}", {})).toThrow("{{X}} has no value");
    expect(() => fillTemplate("x", { X: "1" })).toThrow("no slot for X");
  });
});

describe("templateAround", () => {
  it("splits around a slot alone on its line", () => {
    expect(templateAround("a\n  {{BODY}}\nb\n", "BODY")).toEqual({ before: "a", indent: "  ", after: "b\n" });
    expect(templateAround("{{BODY}}", "BODY")).toEqual({ before: "", indent: "", after: "" });
  });

  it("fills like fillTemplate when the value is written at the slot's indentation", () => {
    const template = "x\n\n    {{BODY}}\ny\n";
    const { before, indent, after } = templateAround(template, "BODY");
    expect(`${before}\n${indent}p;\n${indent}q;\n${after}`).toBe(fillTemplate(template, { BODY: "p;\nq;\n" }));
  });

  it("rejects a slot inside a line and any other slot", () => {
    expect(() => templateAround("a {{BODY}} b", "BODY")).toThrow("no slot {{BODY}} alone on a line");
    expect(() => templateAround("{{X}}\n{{BODY}}\n", "BODY")).toThrow("{{X}} has no value");
  });
});

describe("readTemplate", () => {
  it("reads the runtime templates with \\n line endings", () => {
    for (const name of ["ts-runtime.ts.tmpl", "deno-load.ts.tmpl", "bun-load.ts.tmpl"]) {
      const text = readTemplate(name);
      expect(text).not.toContain("\r");
      expect(text.length).toBeGreaterThan(100);
    }
  });
});

describe("embedded templates", () => {
  it("match the files in templates/ (run `npm run templates` after editing one)", async () => {
    const { templatesModule } = await import("../../../scripts/embed_templates.ts");
    const { readFileSync } = await import("node:fs");
    const have = readFileSync(new URL("./_templates.ts", import.meta.url), "utf8");
    expect(have, "src/emit/ts/_templates.ts is stale: run `npm run templates`").toBe(templatesModule());
  });

  it("serve every template by name and reject unknown names", () => {
    expect(readTemplate("ts-runtime.ts.tmpl")).toContain("{{");
    expect(() => readTemplate("nope.tmpl")).toThrow("no template named nope.tmpl");
  });
});
