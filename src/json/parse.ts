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
 * import { parseJson } from "./parse.ts";
 * const doc = parseJson('{ "a": [1, true] }', "x.json");
 * doc.kind;                      // "object"
 * doc.kind === "object" && doc.entries[0]?.keyAt; // { file: "x.json", line: 1, column: 3 }
 * ```
 * @module
 */
import { HostbindError } from "../errors.ts";
import type { SourceLocation } from "../ir/types.ts";

/** Where a value is: the location of its first character, and its source text's bounds. */
interface Located {
  /** The location of the value's first character. */
  at: SourceLocation;
  /** Offset of its first character in the text (after a byte-order mark). */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** A JSON value with the location of its first character and its bounds. */
export type JsonNode =
  | { kind: "object"; entries: JsonEntry[] } & Located
  | { kind: "array"; items: JsonNode[] } & Located
  | { kind: "string"; value: string } & Located
  | { kind: "number"; value: number } & Located
  | { kind: "boolean"; value: boolean } & Located
  | { kind: "null" } & Located;

/**
 * How deep arrays and objects may nest: deeper input is refused with a
 * located error, long before the parser's recursion could overflow the stack.
 */
export const MAX_JSON_DEPTH = 256;

/** One `"key": value` member of an object, in source order. */
export interface JsonEntry {
  /** The key, unescaped. */
  key: string;
  /** Where the key's opening quote is. */
  keyAt: SourceLocation;
  /** Offset of the key's opening quote in the text. */
  keyStart: number;
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
  depth = 0;
  /** Offsets where lines start, found once: a location is then a binary search, not a scan (linear parsing). */
  readonly #lineStarts: number[];

  constructor(readonly text: string, readonly file: string, readonly comments: boolean) {
    this.#lineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.#lineStarts.push(i + 1);
  }

  value(): JsonNode {
    const start = this.pos;
    const at = this.at();
    const c = this.text[this.pos];
    if (c === "{" || c === "[") {
      if (++this.depth > MAX_JSON_DEPTH) {
        throw this.error(`JSON nested more than ${MAX_JSON_DEPTH} levels deep; hostbind reads no configuration that deep`);
      }
      const node = c === "{" ? this.object(at, start) : this.array(at, start);
      this.depth--;
      return node;
    }
    if (c === '"') {
      const value = this.string();
      return { kind: "string", value, at, start, end: this.pos };
    }
    for (const word of ["true", "false", "null"] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        const end = this.pos;
        return word === "null" ? { kind: "null", at, start, end } : { kind: "boolean", value: word === "true", at, start, end };
      }
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (num) {
      this.pos += num[0].length;
      return { kind: "number", value: Number(num[0]), at, start, end: this.pos };
    }
    throw this.error(`Expected a JSON value, found ${this.found()}`);
  }

  object(at: SourceLocation, start: number): JsonNode {
    const entries: JsonEntry[] = [];
    this.pos++;
    this.space();
    while (this.text[this.pos] !== "}") {
      if (this.text[this.pos] !== '"') throw this.error(`Expected a key in double quotes or \`}\`, found ${this.found()}`);
      const keyStart = this.pos;
      const keyAt = this.at();
      const key = this.string();
      this.space();
      this.expect(":");
      this.space();
      entries.push({ key, keyAt, keyStart, value: this.value() });
      if (!this.separator("}")) break;
    }
    this.expect("}");
    return { kind: "object", entries, at, start, end: this.pos };
  }

  array(at: SourceLocation, start: number): JsonNode {
    const items: JsonNode[] = [];
    this.pos++;
    this.space();
    while (this.text[this.pos] !== "]") {
      items.push(this.value());
      if (!this.separator("]")) break;
    }
    this.expect("]");
    return { kind: "array", items, at, start, end: this.pos };
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
      // A run of plain characters at once: strings cost one slice, not one step per character.
      const plain = /[^"\\\u0000-\u001f]*/y;
      plain.lastIndex = this.pos;
      const run = plain.exec(this.text)![0];
      out += run;
      this.pos += run.length;
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") throw this.error("Unterminated string");
      if (c === '"') break;
      if (c < " ") throw this.error("Control character in a string; escape it (e.g. \\t)");
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
      const white = /[ \t\r\n]+/y;
      white.lastIndex = this.pos;
      const m = white.exec(this.text);
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
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= this.pos) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: this.pos - starts[lo]! + 1 };
  }

  error(message: string): HostbindError {
    return new HostbindError(message, { location: this.at(), hint: "Fix the JSON syntax at this place." });
  }
}
