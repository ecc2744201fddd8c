/**
 * The runtime's logging (spec §7.1, §7.2): one root logger whose children follow every
 * later `configure`, and a buffer for what is logged before the `logging` block is.
 *
 * Pino decides which calls are enabled. Every logger handed out calls the same pino
 * instance, whose methods for disabled levels are no-ops: a filtered `debug` costs one
 * empty call and builds no string, and one `level` assignment re-levels every logger at
 * once. An enabled call leaves pino through its `logMethod` hook and is written by our
 * own formats. Pino's writer is not used: its lines put `msg` last and are JSON only,
 * while upstream's are `ts level msg <bindings> <fields>` in logfmt or JSON with Go's
 * quoting.
 */
import { pino } from 'pino';
import type { LogFields, Logger } from '../component/options.js';
import { Bindings } from './bindings.js';
import { jsonFormat } from './json-format.js';
import { logfmtFormat } from './logfmt-format.js';
import type { LineFormat, LogRecord } from './log-record.js';
import { DEFAULT_LOGGING_OPTIONS, LOG_LEVELS, type LogFormat, type LogLevel, type LoggingOptions } from './logging-options.js';
import { RecordBuffer } from './record-buffer.js';

export const DEFAULT_BUFFER_LIMIT = 10_000;

export interface LogSystemOptions {
  /** Receives complete lines, each ending in `\n` (e.g. `process.stderr.write`, bound). */
  readonly write: (chunk: string) => void;
  /** The clock that stamps `ts`; injected by tests. */
  readonly now?: () => Date;
  /** How many records to keep before the first `configure`; older ones are dropped. */
  readonly bufferLimit?: number;
}

const FORMATS: Readonly<Record<LogFormat, LineFormat>> = { logfmt: logfmtFormat, json: jsonFormat };

/** Our level names by pino's level numbers (the names are the same). */
const LEVEL_BY_NUMBER = new Map<number, LogLevel>(LOG_LEVELS.map((level) => [pino.levels.values[level]!, level]));

/** Until the first `configure`, records wait in a buffer; after it, lines are written in a format. */
type Output =
  | { readonly kind: 'buffering'; readonly buffer: RecordBuffer<LogRecord> }
  | { readonly kind: 'writing'; readonly format: LineFormat };

export class LogSystem {
  /** The root logger: no bindings. */
  readonly logger: Logger;

  readonly #write: (chunk: string) => void;
  readonly #now: () => Date;
  readonly #gate: pino.Logger;
  #output: Output;

  constructor(options: LogSystemOptions) {
    this.#write = options.write;
    this.#now = options.now ?? (() => new Date());
    this.#output = { kind: 'buffering', buffer: new RecordBuffer(options.bufferLimit ?? DEFAULT_BUFFER_LIMIT) };
    this.#gate = pino(
      {
        // Everything is kept while buffering: the level to filter by is not known yet.
        level: 'debug',
        hooks: {
          // Called for enabled levels only. The call ends here: it is never handed back to
          // pino's own JSON writer (`method`).
          logMethod: (args, _method, level) => {
            const [bindings, message, fields] = args as unknown as GateArguments;
            this.#record({ time: this.#now(), level: LEVEL_BY_NUMBER.get(level)!, message, bindings, fields });
          },
        },
      },
      // Never written to: the hook takes every enabled call.
      { write: () => {} },
    );
    this.logger = new GatedLogger(this.#gate, Bindings.NONE);
  }

  /**
   * Applies a `logging` block (on every evaluation). The first call ends buffering:
   * buffered records at or above the level are written in the format, the rest dropped.
   */
  configure(options: LoggingOptions): void {
    this.#gate.level = options.level;
    const previous = this.#output;
    this.#output = { kind: 'writing', format: FORMATS[options.format] };
    if (previous.kind === 'buffering') this.#replay(previous.buffer);
  }

  /**
   * Ends buffering with the defaults (level `info`, logfmt) if nothing configured logging
   * yet: for a startup that fails before the `logging` block is evaluated, whose records
   * would otherwise be lost (upstream loses them; spec §7.1 recommends this).
   */
  flushWithDefaults(): void {
    if (this.#output.kind === 'buffering') this.configure(DEFAULT_LOGGING_OPTIONS);
  }

  #record(record: LogRecord): void {
    const output = this.#output;
    if (output.kind === 'writing') {
      this.#write(output.format.line(record));
      return;
    }
    // The caller may reuse its fields object; the record must show the call as it was.
    const fields = record.fields === undefined ? undefined : { ...record.fields };
    output.buffer.push({ ...record, fields });
  }

  #replay(buffer: RecordBuffer<LogRecord>): void {
    const { items, dropped } = buffer.contents();
    if (dropped > 0 && this.#gate.isLevelEnabled('warn')) {
      this.#record({
        time: this.#now(),
        level: 'warn',
        message: 'log records were dropped before logging was configured',
        bindings: Bindings.NONE,
        fields: { dropped, kept: items.length },
      });
    }
    for (const record of items) {
      if (this.#gate.isLevelEnabled(record.level)) this.#record(record);
    }
  }
}

/** What a logger passes through pino to the hook. */
type GateArguments = readonly [bindings: Bindings, message: string, fields: LogFields | undefined];

/** A logger as handed out: its bindings, and the shared gate every call goes through. */
class GatedLogger implements Logger {
  readonly #gate: pino.Logger;
  readonly #bindings: Bindings;

  constructor(gate: pino.Logger, bindings: Bindings) {
    this.#gate = gate;
    this.#bindings = bindings;
  }

  debug(message: string, fields?: LogFields): void {
    this.#gate.debug(this.#bindings, message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.#gate.info(this.#bindings, message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.#gate.warn(this.#bindings, message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.#gate.error(this.#bindings, message, fields);
  }

  child(bindings: LogFields): Logger {
    return new GatedLogger(this.#gate, this.#bindings.with(bindings));
  }
}
