/**
 * 1-based line and column of offsets asked for in increasing order, as the
 * compiler's line map gives them (`ts.getLineAndCharacterOfPosition`: lines
 * end at LF, CR, CRLF, U+2028 and U+2029; columns count UTF-16 code units).
 * The fast path (`_fast.ts`) locates modules and functions in source order,
 * so a cursor that only moves forward reads each character once and builds
 * no line table.
 *
 * @example
 * ```ts
 * import { LineCursor } from "./_fast_lines.ts";
 * const lines = new LineCursor("a\r\nbc", "t.d.ts");
 * lines.locate(4); // { file: "t.d.ts", line: 2, column: 2 }
 * ```
 * @module
 */
import type { SourceLocation } from "../ir/types.ts";

/** A forward-moving offset → location lookup over one text. */
export class LineCursor {
  #pos = 0;
  #line = 0;
  #lineStart = 0;
  /** True when LF is the only line break in the text: lines can be found with `indexOf`. */
  readonly #onlyLf: boolean;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    this.#onlyLf = text.indexOf("\r") < 0 && text.indexOf("\u2028") < 0 && text.indexOf("\u2029") < 0;
  }

  /** The location of `pos`; offsets before the previous one restart from the top of the text. */
  locate(pos: number): SourceLocation {
    if (pos < this.#pos) this.#pos = this.#line = this.#lineStart = 0;
    if (this.#onlyLf) this.#advanceLf(pos);
    else this.#advance(pos);
    this.#pos = pos;
    return { file: this.file, line: this.#line + 1, column: pos - this.#lineStart + 1 };
  }

  #advanceLf(pos: number): void {
    const text = this.text;
    for (let nl = text.indexOf("\n", this.#pos); nl >= 0 && nl < pos; nl = text.indexOf("\n", nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
  }

  #advance(pos: number): void {
    const text = this.text;
    for (let i = this.#pos; i < pos; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d) {
        // CRLF is one line break, counted at its LF.
        if (text.charCodeAt(i + 1) === 0x0a) continue;
      } else if (c !== 0x0a && c !== 0x2028 && c !== 0x2029) {
        continue;
      }
      this.#line++;
      this.#lineStart = i + 1;
    }
  }
}
