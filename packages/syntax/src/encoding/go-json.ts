/**
 * The pieces of Go's `encoding/json` output that differ from `JSON.stringify`, for
 * encoders that must match upstream byte for byte.
 */

/** A float Go's JSON encoder refuses (`json: unsupported value: NaN`). */
export class UnsupportedValueError extends Error {
  constructor(readonly text: string) {
    super(`json: unsupported value: ${text}`);
    this.name = 'UnsupportedValueError';
  }
}

/**
 * A float64 as Go's encoder writes it: the shortest digits that round-trip, in exponent
 * form below 1e-6 and from 1e21 (`1e+21`, `1e-7`). That is JavaScript's own number
 * format, except that Go keeps the sign of negative zero. NaN and infinities have no JSON
 * form and throw `UnsupportedValueError`, as `json.Marshal` fails on them.
 */
export function goJsonNumber(value: number): string {
  if (Number.isNaN(value)) throw new UnsupportedValueError('NaN');
  if (!Number.isFinite(value)) throw new UnsupportedValueError(value > 0 ? '+Inf' : '-Inf');
  return Object.is(value, -0) ? '-0' : String(value);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t',
};

/** Characters that need more than themselves; everything else is copied in runs. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

/**
 * A string as Go's encoder writes it (HTML-safe, the default): `<`, `>`, `&`, U+2028 and
 * U+2029 escaped as `\u003c` and so on, control characters in lower-case `\u00XX` form
 * unless they have a short escape, and every byte that is not valid UTF-8 (a lone
 * surrogate here) replaced by `\ufffd`.
 */
export function goJsonString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escaped: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++; // a well-formed pair: a character above U+FFFF, copied as it is
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) escaped = '\\ufffd';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      escaped = SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c === 0x22 || c === 0x5c) escaped = SHORT_ESCAPES[c];
    if (escaped === undefined) continue;
    out += text.slice(runStart, i) + escaped;
    runStart = i + 1;
  }
  return `${out}${text.slice(runStart)}"`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
