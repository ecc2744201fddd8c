/**
 * The `logging` block (spec §7.1): its schema, upstream's errors for unknown values, and
 * the options it gives the log system.
 *
 * Upstream rejects a bad value while decoding that attribute (`UnmarshalText`); here the
 * block's `validate` does, so the error spans the block and names the first bad value in
 * the order level, format, destination.
 *
 * `destination` accepts upstream's two names, but lines always go to the log system's
 * writer (stderr): the Windows event log is not implemented. `write_to` (Loki receivers)
 * is accepted and ignored until Loki components exist.
 */
import { attr, block, quote, t, type Decoded } from '@ingot/syntax';
import {
  DEFAULT_LOGGING_OPTIONS,
  isLogFormat,
  isLogLevel,
  type LogFormat,
  type LogLevel,
  type LoggingOptions,
} from './logging-options.js';
import type { LogSystem } from './log-system.js';

const DESTINATIONS: readonly string[] = ['stderr', 'windows_event_log'];

export const LoggingBlock = block({
  doc: 'Configures the log lines Alloy itself writes.',
  fields: {
    level: attr(t.string, {
      default: DEFAULT_LOGGING_OPTIONS.level,
      doc: 'The lowest level written: `error`, `warn`, `info` or `debug`.',
    }),
    format: attr(t.string, { default: DEFAULT_LOGGING_OPTIONS.format, doc: 'The line format: `logfmt` or `json`.' }),
    destination: attr(t.string, {
      default: 'stderr',
      doc: 'Where lines go: `stderr`, or `windows_event_log` (accepted; lines still go to stderr).',
    }),
    write_to: attr(t.array(t.any), { optional: true, doc: 'Loki receivers that also get the lines (accepted, ignored).' }),
  },
  validate: (logging) => {
    // `""` stands for the default, as upstream's UnmarshalText reads it.
    if (logging.level !== '' && !isLogLevel(logging.level)) return `unrecognized log level ${quote(logging.level)}`;
    if (logging.format !== '' && !isLogFormat(logging.format)) return `unrecognized log format ${quote(logging.format)}`;
    if (logging.destination !== '' && !DESTINATIONS.includes(logging.destination)) {
      return `unrecognized log destination ${quote(logging.destination)}`;
    }
    return undefined;
  },
});

export type LoggingArguments = Decoded<typeof LoggingBlock>;

/** The options of a decoded (hence validated) `logging` block, `""` read as the default. */
export function loggingOptions(decoded: LoggingArguments): LoggingOptions {
  return {
    level: orDefault(decoded.level, isLogLevel, DEFAULT_LOGGING_OPTIONS.level),
    format: orDefault(decoded.format, isLogFormat, DEFAULT_LOGGING_OPTIONS.format),
  };
}

/**
 * What the root controller does with its `logging` node (the implicit one included):
 * decode with `LoggingBlock`, then configure `system`.
 */
export function loggingBlockHandler(system: LogSystem): {
  readonly schema: typeof LoggingBlock;
  apply(decoded: LoggingArguments): void;
} {
  return { schema: LoggingBlock, apply: (decoded) => system.configure(loggingOptions(decoded)) };
}

function orDefault<T extends LogLevel | LogFormat>(value: string, known: (value: string) => value is T, fallback: T): T {
  if (value === '') return fallback;
  // Decoding validated the block: an unknown value here is a caller's bug.
  if (!known(value)) throw new Error(`logging: ${quote(value)} was not validated`);
  return value;
}
