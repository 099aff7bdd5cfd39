/**
 * A small JSON parser that keeps where every value and key is, so a mistake
 * in a configuration file is reported as `FILE:LINE:COL: error: …` with the
 * same words in Deno, Bun and Node (their `JSON.parse` errors differ, and
 * JavaScriptCore's give no position at all). With `comments`, it also reads
 * the JSONC that `deno.json` allows: `//` and `/* *\/` comments and trailing
 * commas.
 *
 * @example
 * ```ts
 * import { parseJson } from "./json.ts";
 * const doc = parseJson('{ "a": [1, true] }', "x.json");
 * doc.kind;                      // "object"
 * doc.kind === "object" && doc.entries[0]?.keyAt; // { file: "x.json", line: 1, column: 3 }
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import type { SourceLocation } from "../ir/types.ts";

/** A JSON value with the location of its first character. */
export type JsonNode =
  | { kind: "object"; entries: JsonEntry[]; at: SourceLocation }
  | { kind: "array"; items: JsonNode[]; at: SourceLocation }
  | { kind: "string"; value: string; at: SourceLocation }
  | { kind: "number"; value: number; at: SourceLocation }
  | { kind: "boolean"; value: boolean; at: SourceLocation }
  | { kind: "null"; at: SourceLocation };

/** One `"key": value` member of an object, in source order. */
export interface JsonEntry {
  /** The key, unescaped. */
  key: string;
  /** Where the key's opening quote is. */
  keyAt: SourceLocation;
  /** The value. */
  value: JsonNode;
}

/** Options of {@link parseJson}. */
export interface JsonOptions {
  /**
   * Accept comments and trailing commas (JSONC, as in `deno.json`).
   * @default false
   */
  comments?: boolean;
}

/**
 * Parses `text` (the contents of `file`) into a located tree; throws a
 * located {@link HostbindError} on the first syntax error.
 *
 * @example
 * ```ts
 * parseJson('{"a": 1,}', "x.json");                     // throws "x.json:1:9: error: Expected a key …"
 * parseJson('{"a": 1,} // ok', "x.jsonc", { comments: true }); // an object
 * ```
 */
export function parseJson(text: string, file: string, options: JsonOptions = {}): JsonNode {
  const p = new Parser(text.replace(/^\uFEFF/, ""), file, options.comments ?? false);
  p.space();
  const value = p.value();
  p.space();
  if (p.pos < p.text.length) throw p.error(`Expected the end of the file after the JSON value, found ${p.found()}`);
  return value;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Parser {
  pos = 0;
  constructor(readonly text: string, readonly file: string, readonly comments: boolean) {}

  value(): JsonNode {
    const at = this.at();
    const c = this.text[this.pos];
    if (c === "{") return this.object(at);
    if (c === "[") return this.array(at);
    if (c === '"') return { kind: "string", value: this.string(), at };
    for (const [word, node] of [["true", { kind: "boolean", value: true, at }], ["false", { kind: "boolean", value: false, at }], ["null", { kind: "null", at }]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return node;
      }
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (num) {
      this.pos += num[0].length;
      return { kind: "number", value: Number(num[0]), at };
    }
    throw this.error(`Expected a JSON value, found ${this.found()}`);
  }

  object(at: SourceLocation): JsonNode {
    const entries: JsonEntry[] = [];
    this.pos++;
    this.space();
    while (this.text[this.pos] !== "}") {
      if (this.text[this.pos] !== '"') throw this.error(`Expected a key in double quotes or \`}\`, found ${this.found()}`);
      const keyAt = this.at();
      const key = this.string();
      this.space();
      this.expect(":");
      this.space();
      entries.push({ key, keyAt, value: this.value() });
      if (!this.separator("}")) break;
    }
    this.expect("}");
    return { kind: "object", entries, at };
  }

  array(at: SourceLocation): JsonNode {
    const items: JsonNode[] = [];
    this.pos++;
    this.space();
    while (this.text[this.pos] !== "]") {
      items.push(this.value());
      if (!this.separator("]")) break;
    }
    this.expect("]");
    return { kind: "array", items, at };
  }

  /** After a member: consumes a comma (true: another member follows) or stops before `close`. */
  separator(close: string): boolean {
    this.space();
    if (this.text[this.pos] !== ",") return false;
    const comma = this.pos;
    this.pos++;
    this.space();
    if (this.text[this.pos] === close && !this.comments) {
      this.pos = comma;
      throw this.error("Unexpected trailing comma");
    }
    return this.text[this.pos] !== close;
  }

  string(): string {
    let out = "";
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") throw this.error("Unterminated string");
      if (c === '"') break;
      if (c < " ") throw this.error("Control character in a string; escape it (e.g. \\t)");
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1] ?? "";
      const hex = /^[0-9a-fA-F]{4}$/.exec(this.text.slice(this.pos + 2, this.pos + 6));
      if (e === "u" && hex) {
        out += String.fromCharCode(parseInt(hex[0], 16));
        this.pos += 6;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
        this.pos += 2;
      } else {
        throw this.error(`Invalid escape \`\\${e}\` in a string`);
      }
    }
    this.pos++;
    return out;
  }

  /** Skips whitespace, and comments when allowed. */
  space(): void {
    for (;;) {
      const m = /^[ \t\r\n]+/.exec(this.text.slice(this.pos, this.pos + 4096));
      if (m) this.pos += m[0].length;
      if (this.comments && this.text.startsWith("//", this.pos)) {
        const end = this.text.indexOf("\n", this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (this.comments && this.text.startsWith("/*", this.pos)) {
        const end = this.text.indexOf("*/", this.pos + 2);
        if (end < 0) throw this.error("Unterminated comment");
        this.pos = end + 2;
      } else if (!m) {
        return;
      }
    }
  }

  expect(c: string): void {
    if (this.text[this.pos] !== c) throw this.error(`Expected \`${c}\`, found ${this.found()}`);
    this.pos++;
  }

  found(): string {
    const c = this.text[this.pos];
    if (c === undefined) return "the end of the file";
    return c === "\n" || c === "\r" ? "the end of the line" : `\`${this.text.slice(this.pos, this.pos + 12).split(/[\r\n]/)[0]}\``;
  }

  at(): SourceLocation {
    const before = this.text.slice(0, this.pos);
    const line = before.split("\n").length;
    return { file: this.file, line, column: this.pos - before.lastIndexOf("\n") };
  }

  error(message: string): HostbindError {
    return new HostbindError(message, { location: this.at(), hint: "Fix the JSON syntax at this place." });
  }
}
