import { describe, expect, test } from "vitest";
import { HostbindError } from "../errors.ts";
import { addMember } from "./edit.ts";

/** `addMember`'s new text, failing the test when it added nothing. */
function added(text: string, path: string[], value: string | Record<string, string>, comments = false): string {
  const r = addMember(text, "x.json", path, value, comments);
  if (r.status !== "added") throw new Error(`expected an addition, got ${r.status}`);
  return r.text;
}

describe("addMember", () => {
  const cases: { name: string; given: string; path: string[]; value: string | Record<string, string>; want: string }[] = [
    { name: "into an empty object", given: "{}\n", path: ["a"], value: "1", want: '{\n  "a": "1"\n}\n' },
    { name: "after the last member, with its indentation", given: '{\n    "a": 1\n}', path: ["b"], value: "x", want: '{\n    "a": 1,\n    "b": "x"\n}' },
    { name: "tabs kept", given: '{\n\t"a": {\n\t\t"b": 1\n\t}\n}', path: ["a", "c"], value: "y", want: '{\n\t"a": {\n\t\t"b": 1,\n\t\t"c": "y"\n\t}\n}' },
    { name: "on one line", given: '{ "a": { "b": 1 } }', path: ["a", "c"], value: "y", want: '{ "a": { "b": 1, "c": "y" } }' },
    {
      name: "a missing object on the way",
      given: '{\n  "name": "x"\n}\n',
      path: ["scripts", "dev"],
      value: "go",
      want: '{\n  "name": "x",\n  "scripts": {\n    "dev": "go"\n  }\n}\n',
    },
    {
      name: "numbers, big integers and duplicate keys untouched",
      given: '{"v": 1.10, "e": 1e3, "n": 123456789012345678901234567890, "k": 1, "k": 2}',
      path: ["z"],
      value: "q",
      want: '{"v": 1.10, "e": 1e3, "n": 123456789012345678901234567890, "k": 1, "k": 2, "z": "q"}',
    },
    { name: "a byte-order mark kept", given: '\uFEFF{"a": 1}', path: ["b"], value: "c", want: '\uFEFF{"a": 1, "b": "c"}' },
  ];
  for (const c of cases) {
    test(c.name, () => expect(added(c.given, c.path, c.value)).toBe(c.want));
  }

  test("JSONC: comments and a trailing comma stay", () => {
    const given = '// top\n{\n  "a": 1, // one\n  /* end */\n}\n';
    expect(added(given, ["b"], "2", true)).toBe('// top\n{\n  "a": 1,\n  "b": "2", // one\n  /* end */\n}\n');
  });

  test("an existing member is left alone and returned; a non-object on the way blocks", () => {
    const r = addMember('{"a": {"b": "old"}}', "x.json", ["a", "b"], "new");
    expect(r.status).toBe("exists");
    expect(r.status === "exists" && r.value.kind === "string" && r.value.value).toBe("old");
    expect(addMember('{"a": [1]}', "x.json", ["a", "b"], "v")).toEqual({ status: "blocked", what: '"a"' });
  });

  test("the last of duplicate keys is the one looked at, as JSON.parse does", () => {
    expect(addMember('{"a": 1, "a": {"b": "x"}}', "x.json", ["a", "b"], "y").status).toBe("exists");
  });

  test("not an object at the top, or not JSON: a located error", () => {
    expect(() => addMember("[1]", "x.json", ["a"], "b")).toThrow(HostbindError);
    expect(() => addMember("{ a: 1 }", "x.json", ["a"], "b")).toThrow(/Expected a key in double quotes/);
  });
});
