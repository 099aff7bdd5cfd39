/**
 * Adds a member to a JSON (or JSONC) document by inserting text, leaving
 * every other byte as it was: numbers such as `1.10` or `1e3`, big
 * integers, tabs, comments, duplicate keys and the key order all survive,
 * where a `JSON.parse` / `JSON.stringify` round trip would change them.
 * `hostbind init` adds its `dev` script (and what the starter project needs)
 * to an existing `package.json` or `deno.json` this way.
 *
 * @example
 * ```ts
 * import { addMember } from "./edit.ts";
 * const r = addMember('{\n\t"scripts": { "test": "x" }\n}\n', "package.json", ["scripts", "dev"], "node run.mjs");
 * r.status; // "added"
 * r.status === "added" && r.text; // '{\n\t"scripts": { "test": "x", "dev": "node run.mjs" }\n}\n'
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import { type JsonEntry, type JsonNode, parseJson } from "./parse.ts";

/** What {@link addMember} did. */
export type AddResult =
  /** The member was added: the new text. */
  | { status: "added"; text: string }
  /** The member is there already, with this value (left as it is). */
  | { status: "exists"; value: JsonNode }
  /** A value on the way is not an object (`what` names it); nothing was added. */
  | { status: "blocked"; what: string };

/** A value to add: a string, or an object of strings (written on lines of their own). */
export type AddValue = string | Readonly<Record<string, string>>;

/**
 * Adds `value` at `path` (keys from the top-level object down; objects on
 * the way that are missing are created) to `text`, the contents of `file`,
 * unless a member is there already. `comments` reads JSONC (deno.json).
 * Throws a located {@link HostbindError} when the text is not JSON, or
 * not an object at the top.
 */
export function addMember(text: string, file: string, path: readonly string[], value: AddValue, comments = false): AddResult {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const root = parseJson(body, file, { comments });
  if (root.kind !== "object") {
    throw new HostbindError(`Expected a JSON object at the top of ${file}, found ${root.kind === "array" ? "an array" : `a ${root.kind}`}`, {
      location: root.at,
      hint: "Fix it, or run `hostbind init` in another folder.",
    });
  }
  let node: JsonNode = root;
  for (let i = 0; i < path.length; i++) {
    if (node.kind !== "object") return { status: "blocked", what: `"${path.slice(0, i).join(".")}"` };
    // The last of duplicate keys is the one JSON.parse (and so npm and Deno) use.
    const entry: JsonEntry | undefined = [...node.entries].reverse().find((e) => e.key === path[i]);
    if (entry === undefined) {
      const rest = path.slice(i + 1);
      if (rest.length > 1 || (rest.length === 1 && typeof value !== "string")) {
        throw new Error("addMember: creates at most one object of strings on the way");
      }
      const nested: AddValue = rest.length === 0 ? value : { [rest[0]!]: value as string };
      return { status: "added", text: bom + insert(body, node, path[i]!, nested, indentUnit(body, root)) };
    }
    node = entry.value;
  }
  return { status: "exists", value: node };
}

/** `body` with `"key": value` added as the last member of `object`. */
function insert(body: string, object: JsonNode & { kind: "object" }, key: string, value: AddValue, unit: string): string {
  const last = object.entries[object.entries.length - 1];
  const indent = last === undefined ? lineIndent(body, object.start) + unit : lineIndent(body, last.keyStart, true);
  const member = `${JSON.stringify(key)}: ${render(value, indent ?? "", unit, indent === undefined)}`;
  if (last === undefined) {
    // `{}` or `{ /* … */ }`: the member on a line of its own, the brace on the next.
    const close = lineIndent(body, object.start) ?? "";
    return `${body.slice(0, object.start + 1)}\n${indent}${member}\n${close}${body.slice(object.start + 1).replace(/^[ \t]*/, "")}`;
  }
  const at = last.value.end;
  return `${body.slice(0, at)},${indent === undefined ? " " : `\n${indent}`}${member}${body.slice(at)}`;
}

/** `value` as JSON text at indentation `indent` (`inline`: on one line). */
function render(value: AddValue, indent: string, unit: string, inline: boolean): string {
  if (typeof value === "string") return JSON.stringify(value);
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return inline ? `{ ${members.join(", ")} }` : `{\n${members.map((m) => indent + unit + m).join(",\n")}\n${indent}}`;
}

/**
 * The whitespace before offset `at` on its line, or `undefined` when
 * something else stands there too (`inlineOk`: the member then goes on the
 * same line, after a space) — or, for an object's brace, its line's indent.
 */
function lineIndent(body: string, at: number, inlineOk = false): string | undefined {
  const start = body.lastIndexOf("\n", at - 1) + 1;
  const before = body.slice(start, at);
  if (/^[ \t]*$/.test(before)) return before;
  return inlineOk ? undefined : (/^[ \t]*/.exec(before)![0]);
}

/** The file's indentation step: that of its first top-level member, else two spaces. */
function indentUnit(body: string, root: JsonNode & { kind: "object" }): string {
  const first = root.entries[0];
  const indent = first === undefined ? undefined : lineIndent(body, first.keyStart, true);
  return indent === undefined || indent === "" ? "  " : indent;
}
