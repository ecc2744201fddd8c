/**
 * A JSON decoder with Go's `encoding/json` behaviour and messages, producing values.
 *
 * Go validates the whole input before decoding, so a syntax error anywhere wins over a
 * number that does not fit; here both come from one pass, and a number error is only
 * thrown once the input turned out valid. Syntax messages are Go's scanner's
 * (`invalid character 'x' after object key`, `unexpected end of JSON input`), naming the
 * offending byte. Strings are decoded with invalid UTF-8 and unpaired surrogate escapes
 * replaced by U+FFFD. Nesting is bounded by MAX_VALUE_DEPTH with Go's message
 * (`exceeded max depth`; Go's own bound is 10000), and the parser keeps its own stack.
 */
import { PlainError } from '../../eval/errors.js';
import { array, bool, MAX_VALUE_DEPTH, NULL, object, string, type Value } from '../../eval/value.js';
import { quote } from '../../lexer/quote.js';
import { decodeSourceText, encodeSourceText } from '../../source/source-text.js';

/** How a JSON number literal becomes a value; `undefined` when it does not fit. */
export type NumberReader = (literal: string) => Value | undefined;

interface Container {
  readonly kind: 'array' | 'object';
  readonly elements: Value[];
  readonly fields: Map<string, Value>;
  key: string | undefined;
  /** Nothing read yet, so `]` or `}` may close it at once. */
  empty: boolean;
}

export function decodeGoJson(text: string, readNumber: NumberReader, numberError: (literal: string) => string): Value {
  return new GoJsonDecoder(encodeSourceText(text), readNumber, numberError).decode();
}

class GoJsonDecoder {
  #at = 0;
  #pendingNumberError: string | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly readNumber: NumberReader,
    private readonly numberError: (literal: string) => string,
  ) {}

  decode(): Value {
    const stack: Container[] = [];
    let result: Value | undefined;
    // Each turn reads one value (or closes containers), then what may follow it.
    for (;;) {
      const top = stack.at(-1);
      let value: Value | undefined;
      this.#skipSpace();
      const c = this.#peek();
      if (top?.kind === 'object' && top.key === undefined) {
        // After `{` or `,`: a key, or `}` right after `{`.
        if (c === 0x7d && top.empty) {
          this.#at++;
          value = object(top.fields);
          stack.pop();
        } else {
          if (c !== 0x22) throw this.#syntax(c, 'looking for beginning of object key string');
          top.key = this.#string();
          this.#skipSpace();
          const colon = this.#peek();
          if (colon !== 0x3a) throw this.#syntax(colon, 'after object key');
          this.#at++;
          continue;
        }
      } else if (c === 0x5d && top?.kind === 'array' && top.empty) {
        this.#at++;
        value = array(top.elements);
        stack.pop();
      } else if (c === 0x7b || c === 0x5b) {
        if (stack.length >= MAX_VALUE_DEPTH) throw new PlainError('exceeded max depth');
        this.#at++;
        stack.push({ kind: c === 0x7b ? 'object' : 'array', elements: [], fields: new Map(), key: undefined, empty: true });
        continue;
      } else {
        value = this.#scalar(c);
      }

      // A complete value: store it, then close every container it completes.
      for (;;) {
        const parent = stack.at(-1);
        if (parent === undefined) {
          result = value;
          break;
        }
        parent.empty = false;
        if (parent.kind === 'array') parent.elements.push(value);
        else {
          parent.fields.set(parent.key!, value);
          parent.key = undefined;
        }
        this.#skipSpace();
        const next = this.#peek();
        if (next === 0x2c) {
          this.#at++;
          break;
        }
        const close = parent.kind === 'array' ? 0x5d : 0x7d;
        if (next !== close) {
          throw this.#syntax(next, parent.kind === 'array' ? 'after array element' : 'after object key:value pair');
        }
        this.#at++;
        stack.pop();
        value = parent.kind === 'array' ? array(parent.elements) : object(parent.fields);
      }
      if (result !== undefined) break;
    }
    this.#skipSpace();
    if (this.#at < this.bytes.length) throw this.#syntax(this.#peek(), 'after top-level value');
    if (this.#pendingNumberError !== undefined) throw new PlainError(this.#pendingNumberError);
    return result;
  }

  #scalar(c: number): Value {
    switch (c) {
      case 0x22:
        return string(this.#string());
      case 0x74:
        this.#literal('true');
        return bool(true);
      case 0x66:
        this.#literal('false');
        return bool(false);
      case 0x6e:
        this.#literal('null');
        return NULL;
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.#number();
        throw this.#syntax(c, 'looking for beginning of value');
    }
  }

  #literal(word: string): void {
    this.#at++;
    for (let i = 1; i < word.length; i++) {
      const c = this.#peekOrSpace();
      if (c !== word.charCodeAt(i)) throw this.#syntax(c, `in literal ${word} (expecting ${quoteChar(word.charCodeAt(i))})`);
      this.#at++;
    }
  }

  #number(): Value {
    const start = this.#at;
    if (this.#peek() === 0x2d) this.#at++;
    const first = this.#peekOrSpace();
    if (first === 0x30) this.#at++;
    else if (isDigit(first)) this.#digits();
    else throw this.#syntax(first, 'in numeric literal');
    if (this.#peek() === 0x2e) {
      this.#at++;
      const c = this.#peekOrSpace();
      if (!isDigit(c)) throw this.#syntax(c, 'after decimal point in numeric literal');
      this.#digits();
    }
    const e = this.#peek();
    if (e === 0x65 || e === 0x45) {
      this.#at++;
      const sign = this.#peek();
      if (sign === 0x2b || sign === 0x2d) this.#at++;
      const c = this.#peekOrSpace();
      if (!isDigit(c)) throw this.#syntax(c, 'in exponent of numeric literal');
      this.#digits();
    }
    const literal = String.fromCharCode(...this.bytes.subarray(start, this.#at));
    const value = this.readNumber(literal);
    if (value !== undefined) return value;
    this.#pendingNumberError ??= this.numberError(literal);
    return NULL;
  }

  #digits(): void {
    while (isDigit(this.#peek())) this.#at++;
  }

  /** A string literal at `"`, decoded. */
  #string(): string {
    this.#at++;
    let out = '';
    let runStart = this.#at;
    const flush = (end: number): void => {
      out += replaceInvalidBytes(decodeSourceText(this.bytes.subarray(runStart, end)));
    };
    for (;;) {
      const c = this.#peek();
      if (c === -1) throw this.#endOfInput();
      if (c === 0x22) {
        flush(this.#at);
        this.#at++;
        return out;
      }
      if (c < 0x20) throw this.#syntax(c, 'in string literal');
      if (c !== 0x5c) {
        this.#at++;
        continue;
      }
      flush(this.#at);
      this.#at++;
      out += this.#escape();
      runStart = this.#at;
    }
  }

  /** The escape after a backslash. */
  #escape(): string {
    const c = this.#peek();
    if (c === -1) throw this.#endOfInput();
    this.#at++;
    const simple = SIMPLE_ESCAPES.get(c);
    if (simple !== undefined) return simple;
    if (c !== 0x75) throw this.#syntax(c, 'in string escape code');
    const unit = this.#hex4();
    if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
    // A surrogate must be followed by the escape of its partner, else it is U+FFFD.
    if (unit <= 0xdbff && this.#peek() === 0x5c && this.bytes[this.#at + 1] === 0x75) {
      const save = this.#at;
      this.#at += 2;
      const low = this.#hex4();
      if (low >= 0xdc00 && low <= 0xdfff) return String.fromCharCode(unit, low);
      // Not a partner: only the first escape becomes U+FFFD; the second is read again.
      this.#at = save;
    }
    return '\ufffd';
  }

  #hex4(): number {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.#peek();
      if (c === -1) throw this.#endOfInput();
      const digit = hexDigit(c);
      if (digit < 0) throw this.#syntax(c, 'in \\u hexadecimal character escape');
      value = value * 16 + digit;
      this.#at++;
    }
    return value;
  }

  #skipSpace(): void {
    for (let c = this.#peek(); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = this.#peek()) this.#at++;
  }

  #peek(): number {
    return this.#at < this.bytes.length ? this.bytes[this.#at]! : -1;
  }

  /**
   * The next byte, or a space at the end of input: Go's scanner finishes a number or a
   * literal by feeding it a space, so `1.` ends in `invalid character ' ' after decimal
   * point in numeric literal` rather than `unexpected end of JSON input`.
   */
  #peekOrSpace(): number {
    const c = this.#peek();
    return c === -1 ? 0x20 : c;
  }

  #syntax(c: number, context: string): PlainError {
    if (c === -1) return this.#endOfInput();
    return new PlainError(`invalid character ${quoteChar(c)} ${context}`);
  }

  #endOfInput(): PlainError {
    return new PlainError('unexpected end of JSON input');
  }
}

const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x22, '"'], [0x5c, '\\'], [0x2f, '/'], [0x62, '\b'], [0x66, '\f'], [0x6e, '\n'], [0x72, '\r'], [0x74, '\t'],
]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexDigit(c: number): number {
  if (isDigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Go's `quoteChar`: the byte as a rune, quoted with single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return `'${quote(String.fromCharCode(c)).slice(1, -1)}'`;
}

/** Every escaped invalid byte (a lone U+DC80..U+DCFF) as U+FFFD, as Go's decoder does. */
function replaceInvalidBytes(text: string): string {
  return text.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd');
}
