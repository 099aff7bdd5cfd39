import { describe, expect, test } from "vitest";
import { HostbindError } from "../errors.ts";
import { type JsonNode, parseJson } from "./parse.ts";

/** The plain value of a located tree, to compare with JSON.parse. */
function plain(n: JsonNode): unknown {
  if (n.kind === "object") return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
  if (n.kind === "array") return n.items.map(plain);
  return n.kind === "null" ? null : n.value;
}

function errorOf(text: string, comments = false): string {
  try {
    parseJson(text, "c.json", { comments });
  } catch (e) {
    expect(e).toBeInstanceOf(HostbindError);
    return (e as HostbindError).format().split("\n")[0]!;
  }
  throw new Error("expected a syntax error");
}

describe("parseJson", () => {
  test.each([
    '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9y"}}',
    "[]",
    "{}",
    '"\uFEFFtext"',
    "0",
    ' \n\t{ "k" : [ { } , [ ] ] }\r\n',
  ])("agrees with JSON.parse on %j", (text) => {
    expect(plain(parseJson(text, "x.json"))).toEqual(JSON.parse(text));
  });

  test("locates keys and values by line and column", () => {
    const doc = parseJson('{\n  "input": "env.d.ts",\n  "targets": ["c",\n    "deno"]\n}', "h.json");
    if (doc.kind !== "object") throw new Error("object expected");
    const [input, targets] = doc.entries;
    expect(input!.keyAt).toEqual({ file: "h.json", line: 2, column: 3 });
    expect(input!.value.at).toEqual({ file: "h.json", line: 2, column: 12 });
    if (targets!.value.kind !== "array") throw new Error("array expected");
    expect(targets!.value.items.map((i) => [i.at.line, i.at.column])).toEqual([[3, 15], [4, 5]]);
  });

  test("JSONC: comments and trailing commas only when allowed", () => {
    const text = '// deno.json\n{ /* a */ "a": 1, "b": [2,], }\n';
    expect(plain(parseJson(text, "deno.json", { comments: true }))).toEqual({ a: 1, b: [2] });
    expect(errorOf(text)).toBe("c.json:1:1: error: Expected a JSON value, found `// deno.json`");
    expect(errorOf('{"a": 1,}')).toBe("c.json:1:8: error: Unexpected trailing comma");
  });

  test.each([
    ['{"a" 1}', "c.json:1:6: error: Expected `:`, found `1}`"],
    ['{"a": 1', "c.json:1:8: error: Expected `}`, found the end of the file"],
    ["{a: 1}", "c.json:1:2: error: Expected a key in double quotes or `}`, found `a: 1}`"],
    ['{"a": tru}', "c.json:1:7: error: Expected a JSON value, found `tru}`"],
    ['{"a": "x\n"}', "c.json:1:9: error: Unterminated string"],
    ['{"a": "\\x"}', "c.json:1:8: error: Invalid escape `\\x` in a string"],
    ["{}\n}", "c.json:2:1: error: Expected the end of the file after the JSON value, found `}`"],
    ["", "c.json:1:1: error: Expected a JSON value, found the end of the file"],
    ["[1 2]", "c.json:1:4: error: Expected `]`, found `2]`"],
    ["/* open", "c.json:1:1: error: Unterminated comment"],
  ])("%j is a located syntax error", (text, want) => {
    expect(errorOf(text, text.startsWith("/*"))).toBe(want);
  });
});
