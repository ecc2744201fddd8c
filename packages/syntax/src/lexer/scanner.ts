/**
 * The Alloy scanner: turns source text into Chevrotain tokens.
 *
 * It is hand-written rather than built from Chevrotain's regex lexer because Alloy's
 * lexical rules are stateful: a newline is a TERMINATOR only after certain tokens, a
 * comment running to the end of the line moves that TERMINATOR in front of it, and every
 * position is counted in UTF-8 bytes. Reproducing upstream's positions and error texts
 * exactly is what lets Ingot print the same `file:line:col` as Alloy.
 *
 * Like upstream, the scanner has one character of lookahead (`ch`), and "reading" a
 * character (making it `ch`) is when NUL, invalid UTF-8 and stray byte order marks are
 * reported.
 */
import type { IToken, TokenType } from 'chevrotain';
import { isEscapedByte } from '../source/source-text.js';
import { describeRune, isDecimal, isDigit, isLetter } from './runes.js';
import * as T from './tokens.js';

export interface ScannerOptions {
  /** Insert TERMINATOR tokens at line ends (default true; off only for tests). */
  readonly insertTerminators?: boolean;
}

export interface ScanError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * A scanned token: Chevrotain's `IToken` with every position filled in. Positions are plain
 * numbers rather than `Position` objects: a large file has millions of tokens, all alive
 * until the parse ends, and most of them never become a position in the AST.
 */
export interface Token extends IToken {
  readonly startLine: number;
  readonly startColumn: number;
  /** Inclusive: the last byte of the token. */
  readonly endOffset: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const EOF_CH = -1;
const BOM = 0xfeff;
const NL = 0x0a;

/** Tokens after which a newline ends the statement. */
const TERMINATES_LINE = new Set<TokenType>([
  T.Ident, T.BoolLit, T.NullLit, T.NumberLit, T.FloatLit, T.StringLit, T.RParen, T.RBrack, T.RCurly,
]);

const KEYWORDS = new Map<string, TokenType>([
  ['true', T.BoolLit],
  ['false', T.BoolLit],
  ['null', T.NullLit],
]);

export class Scanner {
  readonly errors: ScanError[] = [];

  private readonly src: string;
  private readonly insertTerminators: boolean;

  /** The current character (a code point), or EOF_CH. */
  private ch = EOF_CH;
  /** UTF-16 index and byte offset of `ch`. */
  private idx = 0;
  private off = 0;
  /** UTF-16 index and byte offset just after `ch`. */
  private rdIdx = 0;
  private rdOff = 0;
  private line = 1;
  private lineStart = 0;
  /** Where the line before `line` started; needed for tokens ending in a newline. */
  private prevLineStart = 0;
  private insertTerm = false;

  constructor(source: string, options: ScannerOptions = {}) {
    this.src = source;
    this.insertTerminators = options.insertTerminators ?? true;
    this.next();
    if (this.ch === BOM) this.next(); // A BOM is allowed as the very first character.
  }

  /** Scans the next token. Comments come back as COMMENT tokens; the end as EOF, repeatedly. */
  scan(): Token {
    this.skipWhitespace();
    const startIdx = this.idx;
    const startOff = this.off;
    const startLine = this.line;
    const startCol = this.off - this.lineStart + 1;
    const ch = this.ch;
    let type: TokenType;
    let image: string | undefined;
    /** Set only by illegal tokens; every other token's answer is TERMINATES_LINE's. */
    let insertTerm: boolean | undefined;

    if (isLetter(ch)) {
      image = this.scanIdentifier();
      type = KEYWORDS.get(image) ?? T.Ident;
    } else if (isDecimal(ch) || (ch === 0x2e && isDecimal(this.peek()))) {
      type = this.scanNumber(startOff, startLine, startCol);
    } else {
      this.next();
      switch (ch) {
        case EOF_CH:
          if (this.insertTerm) {
            this.insertTerm = false;
            return token(T.Terminator, '\n', startOff, startLine, startCol, startOff, startLine, startCol);
          }
          return token(T.EOF, '', startOff, startLine, startCol, startOff, startLine, startCol);
        case NL:
          // Only reachable while a terminator is pending: skipWhitespace stops here.
          this.insertTerm = false;
          return token(T.Terminator, '\n', startOff, startLine, startCol, startOff, startLine, startCol);
        case 0x27: // '
          this.error(startOff, startLine, startCol, 'illegal single-quoted string; use double quotes');
          this.scanString(0x27, true, false, startOff, startLine, startCol);
          type = T.Illegal;
          insertTerm = true; // the quoted text stands where a value would
          break;
        case 0x22: // "
          this.scanString(0x22, true, false, startOff, startLine, startCol);
          type = T.StringLit;
          break;
        case 0x60: // `
          this.scanString(0x60, false, true, startOff, startLine, startCol);
          type = T.StringLit;
          break;
        case 0x7c: // |
          if (this.ch === 0x7c) this.next();
          else this.errorHere('missing second | in ||');
          type = T.OrOr;
          break;
        case 0x26: // &
          if (this.ch === 0x26) this.next();
          else this.errorHere('missing second & in &&');
          type = T.AndAnd;
          break;
        case 0x21: // !
          type = this.switch2(T.Bang, T.NotEqual);
          break;
        case 0x3d: // =
          type = this.switch2(T.Assign, T.Equal);
          break;
        case 0x3c: // <
          type = this.switch2(T.Less, T.LessEqual);
          break;
        case 0x3e: // >
          type = this.switch2(T.Greater, T.GreaterEqual);
          break;
        case 0x2b:
          type = T.Plus;
          break;
        case 0x2d:
          type = T.Minus;
          break;
        case 0x2a:
          type = T.Star;
          break;
        case 0x2f: // /
          if (this.ch === 0x2f || this.ch === 0x2a) {
            if (this.insertTerm && this.commentRunsToLineEnd()) {
              // The pending terminator goes in front of the comment; rewind to re-scan it.
              this.rewindTo(startIdx, startOff);
              this.insertTerm = false;
              return token(T.Terminator, '\n', startOff, startLine, startCol, startOff, startLine, startCol);
            }
            image = this.scanComment(startIdx, startOff, startLine, startCol);
            type = T.Comment;
          } else {
            type = T.Slash;
          }
          break;
        case 0x25:
          type = T.Percent;
          break;
        case 0x5e:
          type = T.Caret;
          break;
        case 0x7b:
          type = T.LCurly;
          break;
        case 0x7d:
          type = T.RCurly;
          break;
        case 0x28:
          type = T.LParen;
          break;
        case 0x29:
          type = T.RParen;
          break;
        case 0x5b:
          type = T.LBrack;
          break;
        case 0x5d:
          type = T.RBrack;
          break;
        case 0x2c:
          type = T.Comma;
          break;
        case 0x2e:
          type = T.Dot;
          break;
        default:
          // Reading a stray BOM already reported it.
          if (ch !== BOM) this.error(startOff, startLine, startCol, `illegal character ${describeRune(ch)}`);
          insertTerm = this.insertTerm; // a stray character does not change how the line ends
          type = T.Illegal;
      }
    }

    if (this.insertTerminators) this.insertTerm = insertTerm ?? TERMINATES_LINE.has(type);
    // The token ends at the byte before `ch`; when that byte was a newline (an unterminated
    // raw string or block comment) it is on the line before `ch`.
    const endOff = this.off - 1;
    const endsLine = this.lineStart === this.off && this.line > 1;
    const endLine = endsLine ? this.line - 1 : this.line;
    const endCol = endOff - (endsLine ? this.prevLineStart : this.lineStart) + 1;
    return token(type, image ?? this.src.slice(startIdx, this.idx), startOff, startLine, startCol, endOff, endLine, endCol);
  }

  /** Advances to the next character, reporting what upstream reports on reading it. */
  private next(): void {
    if (this.ch === NL) {
      this.prevLineStart = this.lineStart;
      this.line++;
      this.lineStart = this.rdOff;
    }
    this.readAt(this.rdIdx, this.rdOff);
  }

  /**
   * Makes the character at UTF-16 index `idx` (byte offset `off`) current. The characters
   * before it must already be accounted for, newlines included; the fast paths below skip
   * runs of plain ASCII and then read the character that ends the run through here.
   */
  private readAt(idx: number, off: number): void {
    const src = this.src;
    this.idx = idx;
    this.off = off;
    if (idx >= src.length) {
      this.ch = EOF_CH;
      this.rdIdx = idx;
      this.rdOff = off;
      return;
    }
    const c = src.charCodeAt(idx);
    if (c < 0x80) {
      if (c === 0) this.errorHere('illegal character NUL');
      this.ch = c;
      this.rdIdx = idx + 1;
      this.rdOff = off + 1;
      return;
    }
    this.readNonAscii(c);
  }

  /**
   * Skips printable ASCII from `ch` on, stopping at `stopA`, `stopB`, a newline, NUL,
   * any non-ASCII character or the end: the characters that need `next()`'s bookkeeping
   * or the caller's attention. One byte per character, and nothing to report, so the run
   * is skipped in one step instead of one `next()` per character.
   */
  private skipAscii(stopA: number, stopB: number): void {
    const src = this.src;
    const from = this.idx;
    let i = from;
    for (; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c >= 0x80 || c === NL || c === stopA || c === stopB || c === 0) break;
    }
    if (i > from) this.readAt(i, this.off + (i - from));
  }

  private readNonAscii(c: number): void {
    let cp = c;
    let units = 1;
    let bytes: number;
    if (c < 0x800) {
      bytes = 2;
    } else if (c >= 0xd800 && c <= 0xdbff && (this.src.charCodeAt(this.idx + 1) & 0xfc00) === 0xdc00) {
      cp = ((c - 0xd800) << 10) + (this.src.charCodeAt(this.idx + 1) - 0xdc00) + 0x10000;
      units = 2;
      bytes = 4;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // An invalid byte (escaped, see source-text.ts) or a lone surrogate in a string input.
      cp = 0xfffd;
      bytes = isEscapedByte(c) ? 1 : 3;
      this.errorHere('illegal UTF-8 encoding');
    } else {
      bytes = 3;
      if (c === BOM && this.off > 0) this.errorHere('illegal byte order mark');
    }
    this.ch = cp;
    this.rdIdx = this.idx + units;
    this.rdOff = this.off + bytes;
  }

  /** `ch`, read through a call so TypeScript does not keep narrowing it across `next()`. */
  private current(): number {
    return this.ch;
  }

  /** The byte after `ch`, or 0 at the end (upstream's `peek`). */
  private peek(): number {
    return this.rdIdx < this.src.length ? this.src.charCodeAt(this.rdIdx) : 0;
  }

  /** Makes the '/' that starts a comment current again; only used within one line. */
  private rewindTo(idx: number, off: number): void {
    this.ch = 0x2f;
    this.idx = idx;
    this.off = off;
    this.rdIdx = idx + 1;
    this.rdOff = off + 1;
  }

  private skipWhitespace(): void {
    // Indentation and line breaks are ASCII: walk them directly and read only the
    // character after them, counting the lines passed on the way.
    const src = this.src;
    const skipNewlines = !this.insertTerm;
    let ch = this.ch;
    let i = this.idx;
    let off = this.off;
    while (ch === 0x20 || ch === 0x09 || ch === 0x0d || (ch === NL && skipNewlines)) {
      i++;
      off++;
      if (ch === NL) {
        this.prevLineStart = this.lineStart;
        this.line++;
        this.lineStart = off;
      }
      ch = i < src.length ? src.charCodeAt(i) : EOF_CH;
    }
    if (i > this.idx) this.readAt(i, off);
  }

  private scanIdentifier(): string {
    const start = this.idx;
    const src = this.src;
    // Fast path for ASCII letters and digits, which need no per-character checks.
    let i = this.rdIdx;
    for (; i < src.length; i++) {
      const b = src.charCodeAt(i);
      if ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x30 && b <= 0x39)) continue;
      break;
    }
    const ascii = i - this.rdIdx;
    this.rdIdx += ascii;
    this.rdOff += ascii;
    this.next();
    while (isLetter(this.ch) || isDigit(this.ch)) this.next();
    return src.slice(start, this.idx);
  }

  private scanNumber(startOff: number, startLine: number, startCol: number): TokenType {
    let type = T.NumberLit;
    if (this.ch !== 0x2e) this.digits();
    if (this.ch === 0x2e) {
      type = T.FloatLit;
      this.next();
      this.digits();
    }
    if ((this.ch | 0x20) === 0x65) {
      type = T.FloatLit;
      this.next();
      if (this.ch === 0x2b || this.ch === 0x2d) this.next();
      if (this.digits() === 0) this.error(startOff, startLine, startCol, 'exponent has no digits');
    }
    return type;
  }

  private digits(): number {
    let count = 0;
    while (isDecimal(this.ch)) {
      this.next();
      count++;
    }
    return count;
  }

  private scanString(
    until: number, escapes: boolean, multiline: boolean,
    startOff: number, startLine: number, startCol: number,
  ): void {
    for (;;) {
      this.skipAscii(until, escapes ? 0x5c : until);
      const ch = this.ch;
      if ((!multiline && ch === NL) || ch === EOF_CH) {
        this.error(startOff, startLine, startCol, 'string literal not terminated');
        return;
      }
      this.next();
      if (ch === until) return;
      if (escapes && ch === 0x5c) this.scanEscape();
    }
  }

  /** Checks an escape sequence; on a mistake it stops at the offending character. */
  private scanEscape(): void {
    // Upstream reports escape errors at the character after the backslash.
    const off = this.off;
    const line = this.line;
    const col = this.off - this.lineStart + 1;
    const at = (message: string): void => this.error(off, line, col, message);
    let n: number;
    let base: number;
    let max: number;
    switch (this.ch) {
      case 0x61: case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74: case 0x76: case 0x5c: case 0x22:
        this.next();
        return;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
        [n, base, max] = [3, 8, 255];
        break;
      case 0x78: // x
        this.next();
        [n, base, max] = [2, 16, 255];
        break;
      case 0x75: // u
        this.next();
        [n, base, max] = [4, 16, 0x10ffff];
        break;
      case 0x55: // U
        this.next();
        [n, base, max] = [8, 16, 0x10ffff];
        break;
      default:
        at(this.ch === EOF_CH ? 'escape sequence not terminated' : 'unknown escape sequence');
        return;
    }
    let x = 0;
    for (; n > 0; n--) {
      const ch = this.current();
      const d = digitValue(ch);
      if (d >= base) {
        at(ch === EOF_CH
          ? 'escape sequence not terminated'
          : `illegal character ${describeRune(ch)} in escape sequence`);
        return;
      }
      x = x * base + d;
      this.next();
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) at('escape sequence is invalid Unicode code point');
  }

  private scanComment(startIdx: number, startOff: number, startLine: number, startCol: number): string {
    let crs = 0;
    let block = false;
    if (this.ch === 0x2f) {
      this.next();
      for (;;) {
        this.skipAscii(0x0d, 0x0d);
        const ch = this.current();
        if (ch === NL || ch === EOF_CH) break;
        if (ch === 0x0d) crs++;
        this.next();
      }
    } else {
      block = true;
      this.next();
      let closed = false;
      while (this.ch !== EOF_CH) {
        const ch = this.ch;
        if (ch === 0x0d) crs++;
        this.next();
        if (ch === 0x2a && this.ch === 0x2f) {
          this.next();
          closed = true;
          break;
        }
      }
      if (!closed) this.error(startOff, startLine, startCol, 'block comment not terminated');
    }
    let text = this.src.slice(startIdx, this.idx);
    // A comment line may end in "\r\n"; the final \r is not part of the comment.
    if (crs > 0 && text.endsWith('\r')) {
      text = text.slice(0, -1);
      crs--;
    }
    return crs > 0 ? stripCarriageReturns(text, block) : text;
  }

  /**
   * Whether the comment starting at `ch` (its '/' already consumed) is followed by the end
   * of the line, possibly after more block comments. Looks ahead without reporting.
   */
  private commentRunsToLineEnd(): boolean {
    const src = this.src;
    let i = this.idx; // at the second character of the comment opener
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 0x2f) return true; // a // comment always runs to the line end
      if (c !== 0x2a) return false;
      i++;
      let closed = false;
      for (; i < src.length; i++) {
        const d = src.charCodeAt(i);
        if (d === NL) return true;
        if (d === 0x2a && src.charCodeAt(i + 1) === 0x2f) {
          i += 2;
          closed = true;
          break;
        }
      }
      if (!closed) return true; // runs to EOF
      while (i < src.length) {
        const d = src.charCodeAt(i);
        if (d === 0x20 || d === 0x09 || d === 0x0d) i++;
        else break;
      }
      if (i >= src.length || src.charCodeAt(i) === NL) return true;
      if (src.charCodeAt(i) !== 0x2f) return false;
      i++;
    }
  }

  private switch2(single: TokenType, withEquals: TokenType): TokenType {
    if (this.ch !== 0x3d) return single;
    this.next();
    return withEquals;
  }

  private errorHere(message: string): void {
    this.error(this.off, this.line, this.off - this.lineStart + 1, message);
  }

  private error(offset: number, line: number, column: number, message: string): void {
    this.errors.push({ offset, line, column, message });
  }
}

function token(
  tokenType: TokenType, image: string,
  startOffset: number, startLine: number, startColumn: number,
  endOffset: number, endLine: number, endColumn: number,
): Token {
  return {
    image, startOffset, startLine, startColumn, endOffset, endLine, endColumn,
    tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!,
  };
}

function digitValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30;
  const lower = ch | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return 16;
}

/**
 * Removes carriage returns from a comment, except a `\r` between `*` and `/` in a block
 * comment, which would otherwise close the comment early.
 */
function stripCarriageReturns(text: string, block: boolean): string {
  let out = '';
  for (let j = 0; j < text.length; j++) {
    const c = text[j]!;
    if (c !== '\r' || (block && out.length > 2 && out.endsWith('*') && text[j + 1] === '/')) out += c;
  }
  return out;
}
