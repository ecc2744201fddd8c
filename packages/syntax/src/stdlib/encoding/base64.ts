/**
 * `encoding.to_base64`/`to_URLbase64` and `encoding.from_base64`/`from_URLbase64`: Go's
 * padded standard and URL-safe alphabets over the UTF-8 bytes of the text.
 *
 * Decoding returns a byte array (upstream returns a Go `[]byte`): it shows as an array of
 * numbers and turns back into text only where a string is expected. Padding is required,
 * line breaks anywhere are skipped, and a bad input names the offending byte as Go does:
 * `illegal base64 data at input byte 4`.
 */
import { byteArray } from '../../eval/byte-array.js';
import { PlainError } from '../../eval/errors.js';
import { string, type FunctionValue } from '../../eval/value.js';
import { encodeSourceText } from '../../source/source-text.js';
import { stringFunction } from '../string-function.js';

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PAD = 0x3d; // '='
const CR = 0x0d;
const LF = 0x0a;

export const toBase64: FunctionValue = stringFunction(1, (text) => string(encode(text, false)));
export const toURLBase64: FunctionValue = stringFunction(1, (text) => string(encode(text, true)));
export const fromBase64: FunctionValue = stringFunction(1, (text) => byteArray(decode(encodeSourceText(text), STANDARD)));
export const fromURLBase64: FunctionValue = stringFunction(1, (text) => byteArray(decode(encodeSourceText(text), URL_SAFE)));

function encode(text: string, urlSafe: boolean): string {
  const standard = Buffer.from(encodeSourceText(text)).toString('base64');
  return urlSafe ? standard.replaceAll('+', '-').replaceAll('/', '_') : standard;
}

function illegal(offset: number): PlainError {
  return new PlainError(`illegal base64 data at input byte ${offset}`);
}

/** Go's `Encoding.DecodeString`, one quantum of four symbols at a time. */
export function decode(input: Uint8Array, alphabet: string): Uint8Array {
  const symbolValue = new Map(Array.from(alphabet, (ch, i) => [ch.charCodeAt(0), i]));
  const out: number[] = [];
  let at = 0;
  const skipLineBreaks = (): void => {
    while (at < input.length && (input[at] === CR || input[at] === LF)) at++;
  };

  while (at < input.length) {
    const symbols: number[] = [];
    let ended = false;
    while (symbols.length < 4) {
      if (at === input.length) {
        // Input ran out inside a quantum: padding was required.
        if (symbols.length === 0) return Uint8Array.from(out);
        throw illegal(at - symbols.length);
      }
      const byte = input[at++]!;
      const value = symbolValue.get(byte);
      if (value !== undefined) {
        symbols.push(value);
        continue;
      }
      if (byte === CR || byte === LF) continue;
      if (byte !== PAD || symbols.length < 2) throw illegal(at - 1);
      if (symbols.length === 2) {
        // A single symbol of data needs "==": the second "=" must follow.
        skipLineBreaks();
        if (at === input.length) throw illegal(input.length);
        if (input[at] !== PAD) throw illegal(at - 1);
        at++;
      }
      skipLineBreaks();
      if (at < input.length) throw illegal(at);
      ended = true;
      break;
    }
    appendQuantum(out, symbols);
    if (ended) break;
  }
  return Uint8Array.from(out);
}

function appendQuantum(out: number[], symbols: readonly number[]): void {
  const [a = 0, b = 0, c = 0, d = 0] = symbols;
  const bits = (a << 18) | (b << 12) | (c << 6) | d;
  const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
  out.push(...bytes.slice(0, symbols.length - 1));
}
