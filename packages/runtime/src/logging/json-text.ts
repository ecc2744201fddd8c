/**
 * JSON text for log values. Not `JSON.stringify`, because a log call must never throw and
 * must never leak a secret: cycles become `"[Circular]"`, a `bigint` stays a number,
 * secrets, errors and dates show their `displayText`. Strings are escaped as Go's
 * `encoding/json` without HTML escaping, as slog's JSON handler writes them.
 */
import { displayText, nonFiniteText } from './attribute-value.js';

/** JSON text of any value; `undefined`, functions and symbols are `null`. */
export function jsonText(value: unknown): string {
  return encode(value, new Set());
}

/** A JSON string literal. */
export function jsonString(text: string): string {
  return `"${text.replace(JSON_ESCAPED, escapeJson)}"`;
}

// What Go escapes: `"`, `\`, control characters, U+2028/U+2029, and (as invalid UTF-8
// once written) lone surrogates.
const JSON_ESCAPED = /["\\\u0000-\u001f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeJson(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function encode(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : jsonString(nonFiniteText(value));
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? 'null' : encodeObject(value, ancestors);
    default:
      return 'null';
  }
}

function encodeObject(value: object, ancestors: Set<object>): string {
  const text = displayText(value);
  if (text !== undefined) return jsonString(text);
  if (ancestors.has(value)) return '"[Circular]"';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((element) => encode(element, ancestors)).join(',')}]`;
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return encode(toJSON.call(value), ancestors);
    const members: string[] = [];
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      members.push(`${jsonString(key)}:${encode(member, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    // Only the path from the root counts: the same object twice side by side is no cycle.
    ancestors.delete(value);
  }
}
