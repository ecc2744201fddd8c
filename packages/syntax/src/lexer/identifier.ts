import { Scanner } from './scanner.js';
import { EOF, Ident, Terminator } from './tokens.js';

/** Whether `text` scans as exactly one identifier (so keywords and `""` are not). */
export function isValidIdentifier(text: string): boolean {
  const scanner = new Scanner(text, { insertTerminators: false });
  const first = scanner.scan();
  if (first.tokenType !== Ident || first.image !== text) return false;
  const next = scanner.scan();
  return scanner.errors.length === 0 && (next.tokenType === EOF || next.tokenType === Terminator);
}

/**
 * Turns any non-empty text into a valid identifier: characters that cannot appear in one
 * become `_`, and a leading digit gets a `_` in front.
 */
export function sanitizeIdentifier(text: string): string {
  if (text === '') throw new Error('cannot generate a new identifier for an empty string');
  if (isValidIdentifier(text)) return text;
  const sanitized = Array.from(text, (ch) => (/[\p{L}\p{Nd}_]/u.test(ch) ? ch : '_')).join('');
  return /^[\p{L}_]/u.test(sanitized) ? sanitized : `_${sanitized}`;
}
