/**
 * Go's `fmt.Sprintf`, which upstream's `string.format` is. It never fails: a problem is
 * written into the result instead, as Go does: `%!d(string=hi)` for a verb that does not
 * fit its operand, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!d(BADINDEX)`, `%!(NOVERB)`,
 * `%!(BADWIDTH)`, `%!(BADPREC)`. Flags (`+ - # 0 space`), width, precision, `*` and
 * explicit argument indexes (`%[2]s`) work as in Go.
 */
import { quote } from '../../lexer/quote.js';
import { encodeSourceText } from '../../source/source-text.js';
import { formatFloat } from './format-float.js';
import { goTypeName, type Operand } from './operand.js';
import { quoteRune, quoteRuneToAscii, quoteToAscii } from './quote-rune.js';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** `%#v`: Go syntax. */
  sharpV: boolean;
  width: number | undefined;
  precision: number | undefined;
}

const MAX_NUMBER = 1e6;
const MAX_RUNE = 0x10ffff;

export function sprintf(format: string, args: readonly Operand[]): string {
  return new Printer(format, args).print();
}

class Printer {
  #out = '';
  #flags: Flags = clearFlags();
  #argNum = 0;
  #reordered = false;
  #goodArgNum = true;

  constructor(private readonly format: string, private readonly args: readonly Operand[]) {}

  print(): string {
    const { format } = this;
    const end = format.length;
    let i = 0;
    while (i < end) {
      this.#goodArgNum = true;
      const next = format.indexOf('%', i);
      this.#out += format.slice(i, next < 0 ? end : next);
      if (next < 0) break;
      i = next + 1;
      this.#flags = clearFlags();
      i = this.#readFlags(i);

      let afterIndex: boolean;
      [i, afterIndex] = this.#argumentIndex(i);
      if (format[i] === '*') {
        i++;
        const width = this.#intFromArg();
        if (width === undefined) this.#out += '%!(BADWIDTH)';
        else if (width < 0) {
          this.#flags.width = -width;
          this.#flags.minus = true;
          this.#flags.zero = false;
        } else this.#flags.width = width;
        afterIndex = false;
      } else {
        const [width, after] = parseNumber(format, i, end);
        this.#flags.width = width;
        i = after;
        if (afterIndex && width !== undefined) this.#goodArgNum = false;
      }

      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.#goodArgNum = false;
        [i, afterIndex] = this.#argumentIndex(i);
        if (format[i] === '*') {
          i++;
          const precision = this.#intFromArg();
          this.#flags.precision = precision !== undefined && precision >= 0 ? precision : undefined;
          if (this.#flags.precision === undefined) this.#out += '%!(BADPREC)';
          afterIndex = false;
        } else {
          const [precision, after] = parseNumber(format, i, end);
          this.#flags.precision = precision ?? 0;
          i = after;
        }
      }

      if (!afterIndex) [i] = this.#argumentIndex(i);
      if (i >= end) {
        this.#out += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i)!);
      i += verb.length;
      if (verb === '%') this.#out += '%';
      else if (!this.#goodArgNum) this.#out += `%!${verb}(BADINDEX)`;
      else if (this.#argNum >= this.args.length) this.#out += `%!${verb}(MISSING)`;
      else {
        if (verb === 'v') {
          this.#flags.sharpV = this.#flags.sharp;
          this.#flags.sharp = false;
          // `%+v` only matters for structs, which Alloy values never are.
          this.#flags.plus = false;
        }
        this.#out += this.#printArg(this.args[this.#argNum]!, verb);
        this.#argNum++;
      }
    }

    if (!this.#reordered && this.#argNum < this.args.length) {
      this.#flags = clearFlags();
      const extra = this.args.slice(this.#argNum).map((arg) =>
        arg.kind === 'nil' ? '<nil>' : `${goTypeName(arg)}=${this.#printArg(arg, 'v')}`,
      );
      this.#out += `%!(EXTRA ${extra.join(', ')})`;
    }
    return this.#out;
  }

  #readFlags(i: number): number {
    const flags = this.#flags;
    for (; i < this.format.length; i++) {
      switch (this.format[i]) {
        case '#': flags.sharp = true; break;
        case '0': flags.zero = !flags.minus; break;
        case '+': flags.plus = true; break;
        case '-': flags.minus = true; flags.zero = false; break;
        case ' ': flags.space = true; break;
        default: return i;
      }
    }
    return i;
  }

  /** An explicit `[n]` at `i`: moves to argument n (1-based). Returns the new position and whether one was read. */
  #argumentIndex(i: number): [number, boolean] {
    if (this.format[i] !== '[') return [i, false];
    this.#reordered = true;
    const close = this.format.indexOf(']', i + 1);
    if (this.format.length - i < 3 || close < 0) {
      this.#goodArgNum = false;
      return [i + 1, false];
    }
    const [index, after] = parseNumber(this.format, i + 1, close);
    if (index === undefined || after !== close) {
      this.#goodArgNum = false;
      return [close + 1, false];
    }
    if (index - 1 >= 0 && index - 1 < this.args.length) {
      this.#argNum = index - 1;
      return [close + 1, true];
    }
    this.#goodArgNum = false;
    return [close + 1, true];
  }

  /** A `*` width or precision: the next argument, which must be a small integer. */
  #intFromArg(): number | undefined {
    const arg = this.args[this.#argNum];
    if (arg === undefined) return undefined;
    this.#argNum++;
    if (arg.kind !== 'int') return undefined;
    return arg.value > BigInt(MAX_NUMBER) || arg.value < -BigInt(MAX_NUMBER) ? undefined : Number(arg.value);
  }

  #printArg(arg: Operand, verb: string, depth = 0): string {
    switch (arg.kind) {
      case 'nil':
        if (depth > 0) return this.#flags.sharpV ? 'interface {}(nil)' : '<nil>';
        return verb === 'T' || verb === 'v' ? this.#pad('<nil>') : this.#badVerb(verb, arg);
      case 'int':
      case 'uint64':
        if (verb === 'T' && depth === 0) return this.#pad(goTypeName(arg));
        return this.#integer(arg, verb);
      default:
        break;
    }
    if (verb === 'T' && depth === 0) return this.#pad(goTypeName(arg));
    if (verb === 'p' && depth === 0) return this.#badVerb(verb, arg);
    switch (arg.kind) {
      case 'bool':
        return verb === 't' || verb === 'v' ? this.#pad(String(arg.value)) : this.#badVerb(verb, arg);
      case 'float64':
        return this.#float(arg, verb);
      case 'string':
        return this.#string(arg, verb);
      case 'slice': {
        const elements = arg.elements.map((element) => this.#printArg(element, verb, depth + 1));
        return this.#flags.sharpV ? `[]interface {}{${elements.join(', ')}}` : `[${elements.join(' ')}]`;
      }
      case 'map': {
        const entries = arg.entries.map(
          ([key, value]) => `${this.#printArg({ kind: 'string', value: key }, verb, depth + 1)}:${this.#printArg(value, verb, depth + 1)}`,
        );
        return this.#flags.sharpV ? `map[string]interface {}{${entries.join(', ')}}` : `map[${entries.join(' ')}]`;
      }
      case 'opaque':
        return this.#pad(arg.text);
    }
  }

  #badVerb(verb: string, arg: Operand): string {
    const shown = arg.kind === 'nil' ? '<nil>' : `${goTypeName(arg)}=${this.#printArg(arg, 'v')}`;
    return `%!${verb}(${shown})`;
  }

  #integer(arg: Operand & { value: bigint }, verb: string): string {
    const signed = arg.kind === 'int';
    // Go hands fmt the bits as a uint64 and a signedness.
    const bits = BigInt.asUintN(64, arg.value);
    switch (verb) {
      case 'v':
        return this.#flags.sharpV && !signed ? this.#pad(`0x${bits.toString(16)}`) : this.#integerIn(arg.value, 10, verb);
      case 'd': return this.#integerIn(arg.value, 10, verb);
      case 'b': return this.#integerIn(arg.value, 2, verb);
      case 'o':
      case 'O': return this.#integerIn(arg.value, 8, verb);
      case 'x': return this.#integerIn(arg.value, 16, verb);
      case 'X': return this.#integerIn(arg.value, 16, verb, true);
      case 'c': return this.#pad(runeText(bits));
      case 'q': return this.#pad(this.#flags.plus ? quoteRuneToAscii(runeOf(bits)) : quoteRune(runeOf(bits)));
      case 'U': return this.#unicode(bits);
      default: return this.#badVerb(verb, arg);
    }
  }

  /** Go's `fmt.fmtInteger`: sign, base prefix, precision as minimum digits, zero padding. */
  #integerIn(value: bigint, base: number, verb: string, upper = false): string {
    const flags = this.#flags;
    const negative = value < 0n;
    let digits = (negative ? -value : value).toString(base);
    if (upper) digits = digits.toUpperCase();
    let minDigits = 0;
    if (flags.precision !== undefined) {
      if (flags.precision === 0 && value === 0n) return this.#pad('', false);
      minDigits = flags.precision;
    } else if (flags.zero && !flags.minus && flags.width !== undefined) {
      minDigits = flags.width - (negative || flags.plus || flags.space ? 1 : 0);
    }
    digits = digits.padStart(minDigits, '0');
    if (flags.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && !digits.startsWith('0')) digits = `0${digits}`;
      else if (base === 16) digits = `0${upper ? 'X' : 'x'}${digits}`;
    }
    if (verb === 'O') digits = `0o${digits}`;
    const sign = negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
    return this.#pad(sign + digits, false);
  }

  #unicode(bits: bigint): string {
    let out = `U+${bits.toString(16).toUpperCase().padStart(Math.max(this.#flags.precision ?? 0, 4), '0')}`;
    if (this.#flags.sharp && bits <= BigInt(MAX_RUNE) && isPrintable(Number(bits))) out += ` '${String.fromCodePoint(Number(bits))}'`;
    return this.#pad(out, false);
  }

  #float(arg: Operand & { kind: 'float64' }, verb: string): string {
    const flags = this.#flags;
    let precision: number;
    switch (verb) {
      case 'v': verb = 'g'; precision = -1; break;
      case 'b': case 'g': case 'G': case 'x': case 'X': precision = -1; break;
      case 'f': case 'F': case 'e': case 'E': precision = 6; break;
      default: return this.#badVerb(verb, arg);
    }
    if (flags.precision !== undefined) precision = flags.precision;
    let num = formatFloat(arg.value, verb, precision);
    if (!num.startsWith('-') && !num.startsWith('+')) num = `+${num}`;
    if (flags.space && num[0] === '+' && !flags.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      // Infinities and NaN are never zero-padded; NaN shows a sign only when asked.
      if (num[1] === 'N' && !flags.space && !flags.plus) num = num.slice(1);
      return this.#pad(num, false);
    }
    if (flags.plus || num[0] !== '+') {
      // Zero padding goes between the sign and the digits.
      if (flags.zero && !flags.minus && flags.width !== undefined && flags.width > num.length) {
        return num[0] + '0'.repeat(flags.width - num.length) + num.slice(1);
      }
      return this.#pad(num);
    }
    return this.#pad(num.slice(1));
  }

  #string(arg: Operand & { kind: 'string' }, verb: string): string {
    switch (verb) {
      case 'v':
        return this.#flags.sharpV ? this.#quoted(arg.value) : this.#pad(this.#truncated(arg.value));
      case 's':
        return this.#pad(this.#truncated(arg.value));
      case 'q':
        return this.#quoted(arg.value);
      case 'x':
      case 'X':
        return this.#hexBytes(arg.value, verb === 'X');
      default:
        return this.#badVerb(verb, arg);
    }
  }

  #truncated(text: string): string {
    const { precision } = this.#flags;
    return precision === undefined ? text : Array.from(text).slice(0, precision).join('');
  }

  #quoted(text: string): string {
    const truncated = this.#truncated(text);
    if (this.#flags.sharp && canBackquote(truncated)) return this.#pad(`\`${truncated}\``);
    return this.#pad(this.#flags.plus ? quoteToAscii(truncated) : quote(truncated));
  }

  /** `%x` of a string: its bytes in hex; `% x` spaces them, `#` adds `0x`. */
  #hexBytes(text: string, upper: boolean): string {
    const { sharp, space, precision } = this.#flags;
    let bytes = Array.from(encodeSourceText(text));
    if (precision !== undefined) bytes = bytes.slice(0, precision);
    if (bytes.length === 0) return this.#pad('', false);
    const prefix = upper ? '0X' : '0x';
    const hex = bytes.map((b) => {
      const pair = b.toString(16).padStart(2, '0');
      return upper ? pair.toUpperCase() : pair;
    });
    const out = space ? hex.map((h) => (sharp ? prefix + h : h)).join(' ') : (sharp ? prefix : '') + hex.join('');
    return this.#pad(out, false);
  }

  /** Pads to the width with spaces, or zeros on the left when the `0` flag allows. */
  #pad(text: string, zeroAllowed = true): string {
    const { width, minus, zero } = this.#flags;
    if (width === undefined) return text;
    const missing = width - Array.from(text).length;
    if (missing <= 0) return text;
    if (minus) return text + ' '.repeat(missing);
    return (zero && zeroAllowed ? '0' : ' ').repeat(missing) + text;
  }
}

function clearFlags(): Flags {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, sharpV: false, width: undefined, precision: undefined };
}

/** Go's `parsenum`: decimal digits at `start`, or `undefined` when there are none (or too many). */
function parseNumber(text: string, start: number, end: number): [number | undefined, number] {
  let i = start;
  let value = 0;
  for (; i < end && text[i]! >= '0' && text[i]! <= '9'; i++) {
    if (value > MAX_NUMBER) return [undefined, end];
    value = value * 10 + Number(text[i]);
  }
  return i === start ? [undefined, i] : [value, i];
}

/** The rune an integer stands for; beyond Unicode (or negative) it is U+FFFD. */
function runeOf(bits: bigint): number {
  if (bits > BigInt(MAX_RUNE)) return 0xfffd;
  const cp = Number(bits);
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

function runeText(bits: bigint): string {
  return String.fromCodePoint(runeOf(bits));
}

function isPrintable(cp: number): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(String.fromCodePoint(cp));
}

/** Go's `strconv.CanBackquote`: one line, no control characters other than tab, no backquote. */
function canBackquote(text: string): boolean {
  return !/[`\x00-\x08\x0a-\x1f\x7f\ufeff\udc80-\udcff]/.test(text);
}
