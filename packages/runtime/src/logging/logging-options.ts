/**
 * What the `logging` block configures (spec §7.1), once its `""` values have become the
 * defaults: only recognised levels and formats can be represented.
 */

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['logfmt', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggingOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
}

/** Upstream's `DefaultOptions`: what an absent `logging` block, or an empty value, means. */
export const DEFAULT_LOGGING_OPTIONS: LoggingOptions = Object.freeze({ level: 'info', format: 'logfmt' });

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}
