import { describe, expect, it } from "vitest";
import { fillTemplate, readTemplate } from "./template.ts";

describe("fillTemplate", () => {
  it("fills inline slots and indents a slot alone on its line", () => {
    expect(fillTemplate("a {{X}} b\n  {{BODY}}\nz\n", { X: "1", BODY: "p;\n\nq;\n" })).toBe("a 1 b\n  p;\n\n  q;\nz\n");
  });

  it("rejects a slot without a value and a value without a slot", () => {
    expect(() => fillTemplate("{{X}}", {})).toThrow("{{X}} has no value");
    expect(() => fillTemplate("x", { X: "1" })).toThrow("no slot for X");
  });
});
