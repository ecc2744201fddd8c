/**
 * Go's `time.RFC3339Nano` layout in UTC, as upstream stamps every line (`ts=`): the
 * fraction loses its trailing zeros, and disappears for whole seconds. JavaScript dates
 * stop at milliseconds, so at most three digits remain.
 */
export function rfc3339Nano(date: Date): string {
  // toISOString is always `YYYY-MM-DDTHH:MM:SS.mmmZ`, in UTC.
  return date.toISOString().replace(/\.?0*Z$/, 'Z');
}
