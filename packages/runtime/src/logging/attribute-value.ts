/**
 * Values that show as text of their own rather than as their structure, in both formats.
 */
import { OptionalSecret, Secret } from '@ingot/syntax';
import { rfc3339Nano } from './rfc3339.js';

const REDACTED = '(secret)';

/**
 * The text a value shows as, or `undefined` when it has none and is shown by structure:
 * secrets never show their text; an error shows its message (as slog prints an `error`);
 * a date shows like `ts`. An optional secret that is not secret is plain text, as the
 * syntax package prints it.
 */
export function displayText(value: object): string | undefined {
  if (value instanceof Secret) return REDACTED;
  if (value instanceof OptionalSecret) return value.isSecret ? REDACTED : value.reveal();
  if (value instanceof Error) return value.message;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : rfc3339Nano(value);
  return undefined;
}

/** A float that JSON cannot hold, in Go's spelling (`strconv.FormatFloat`). */
export function nonFiniteText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

/**
 * `render()`, or slog's `!ERROR:` marker in its place when it threw (a getter or `toJSON`
 * that throws): one odd value must not cost the whole line, nor throw at the caller.
 */
export function renderSafely(render: () => string, renderText: (text: string) => string): string {
  try {
    return render();
  } catch (error) {
    return renderText(`!ERROR:${error instanceof Error ? error.message : String(error)}`);
  }
}
