/**
 * The fast path's tokenizer (`_fast.ts`): a hand-written `charCodeAt`
 * scanner over the small token set hostbind's declaration subset needs —
 * ASCII identifiers, quoted strings without escapes, and single punctuation
 * characters — with comments and whitespace skipped as trivia. It keeps one
 * current token in its fields (no token objects) and gives up by throwing
 * {@link DECLINE} on anything it does not fully understand (non-ASCII
 * outside comments, numbers, escapes, unterminated comments or strings), so
 * that the caller falls back to the TypeScript compiler.
 *
 * @example
 * ```ts
 * import { FastScanner, IDENT } from "./_fast_scan.ts";
 * const s = new FastScanner("  /* c *\/ namespace env {");
 * s.next();
 * s.kind === IDENT && s.is("namespace"); // true
 * s.start; // 11
 * ```
 * @module
 */

/** Thrown (and caught by `parseFast`) when the input leaves the fast path's subset. */
export const DECLINE: unique symbol = Symbol("hostbind fast path declined");

/** Gives up on the fast path. */
export function decline(): never {
  throw DECLINE;
}

/**
 * Token kinds. Punctuation tokens have their character code as the kind.
 * Typed `number` so a test of `kind` does not narrow it for later tokens.
 */
export const EOF: number = -1;
/** An ASCII identifier or keyword. */
export const IDENT: number = -2;
/** A `"…"` or `'…'` string without escapes or non-ASCII characters. */
export const STRING: number = -3;

const LF = 0x0a;
const CR = 0x0d;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;

/** One character class per ASCII code: what may start or continue a token. */
const IDENT_START = new Uint8Array(128);
const IDENT_PART = new Uint8Array(128);
/** Punctuation the subset uses; any other punctuation declines. */
const PUNCT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
  IDENT_START[c] = letter ? 1 : 0;
  IDENT_PART[c] = letter || (c >= 0x30 && c <= 0x39) ? 1 : 0;
}
for (const ch of "{}()[]:;,=") PUNCT[ch.charCodeAt(0)] = 1;

/** The current token of a left-to-right scan, in fields. */
export class FastScanner {
  /** Kind of the current token: {@link EOF}, {@link IDENT}, {@link STRING} or a punctuation char code. */
  kind: number = EOF;
  /** Offset of the current token's first character. */
  start = 0;
  /** Offset just after the current token. */
  end = 0;
  /** Where the current token's leading trivia starts: the end of the previous token (a statement's `pos`). */
  fullStart = 0;
  /** True when a line break precedes the current token (in whitespace or a comment), as the compiler's ASI rule asks. */
  newline = false;
  /** True when a `/* … *\/` comment (perhaps JSDoc) precedes the current token. */
  comment = false;

  constructor(readonly text: string) {}

  /** Advances to the next token. */
  next(): void {
    const text = this.text;
    let i = this.end;
    this.fullStart = i;
    this.newline = false;
    this.comment = false;
    const n = text.length;
    for (;;) {
      if (i >= n) {
        this.kind = EOF;
        this.start = this.end = n;
        return;
      }
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c) {
        i++;
      } else if (c === LF || c === CR) {
        this.newline = true;
        i++;
      } else if (c === SLASH) {
        const d = text.charCodeAt(i + 1);
        if (d === SLASH) i = this.#lineComment(i + 2);
        else if (d === STAR) i = this.#blockComment(i);
        else decline();
      } else {
        this.start = i;
        this.#token(c, i);
        return;
      }
    }
  }

  #token(c: number, i: number): void {
    const text = this.text;
    if (c < 128 && IDENT_START[c] === 1) {
      let j = i + 1;
      let d = text.charCodeAt(j);
      while (d < 128 && IDENT_PART[d] === 1) d = text.charCodeAt(++j);
      // A non-ASCII letter or a `\u` escape would continue the identifier.
      if (d >= 128 || d === BACKSLASH) decline();
      this.kind = IDENT;
      this.end = j;
    } else if (c === 0x22 || c === 0x27) {
      let j = i + 1;
      for (let d = text.charCodeAt(j); d !== c; d = text.charCodeAt(++j)) {
        // Past the end of the text `d` is NaN, which fails the range test.
        if (!(d >= 0x20 && d < 128) || d === BACKSLASH) decline();
      }
      this.kind = STRING;
      this.end = j + 1;
    } else if (c < 128 && PUNCT[c] === 1) {
      this.kind = c;
      this.end = i + 1;
    } else {
      decline();
    }
  }

  /** Skips a `//` comment body from `i`; the line break after it is left for `next`. */
  #lineComment(i: number): number {
    const text = this.text;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === 0x2028 || c === 0x2029) return i;
    }
    return i;
  }

  /** Skips a `/* … *\/` comment starting at `i`, noting line breaks inside it (they count for ASI). */
  #blockComment(i: number): number {
    const text = this.text;
    const close = text.indexOf("*/", i + 2);
    if (close < 0) decline();
    this.comment = true;
    if (!this.newline) {
      for (let j = i + 2; j < close; j++) {
        const c = text.charCodeAt(j);
        if (c === LF || c === CR || c === 0x2028 || c === 0x2029) {
          this.newline = true;
          break;
        }
      }
    }
    return close + 2;
  }

  /** True when the current token is the identifier `word`. */
  is(word: string): boolean {
    return this.kind === IDENT && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  /** The current token's text. */
  tokenText(): string {
    return this.text.substring(this.start, this.end);
  }

  /** Requires the current token to be the punctuation `ch` (a char code) and advances past it. */
  expect(ch: number): void {
    if (this.kind !== ch) decline();
    this.next();
  }

  /** Requires an identifier and returns its text, advancing past it. */
  ident(): string {
    if (this.kind !== IDENT) decline();
    const name = this.tokenText();
    this.next();
    return name;
  }

  /**
   * Ends a statement as the compiler does (`parseSemicolon`): a `;` is
   * consumed; otherwise the next token must be `}`, the end of the file, or
   * on a new line (automatic semicolon insertion).
   */
  semicolon(): void {
    if (this.kind === 0x3b) this.next();
    else if (!(this.kind === 0x7d || this.kind === EOF || this.newline)) decline();
  }
}
