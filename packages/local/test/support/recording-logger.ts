import type { LogFields, Logger } from '@ingot/runtime';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that keeps every line; children share the parent's lines and add their bindings. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: LogFields = {},
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.#record('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.#record('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.#record('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.#record('error', message, fields);
  }

  child(bindings: LogFields): Logger {
    return new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
  }

  /** The lines at `level` and above, without debug noise, for assertions. */
  messages(level: LogLine['level'] = 'info'): string[] {
    const rank = { debug: 0, info: 1, warn: 2, error: 3 };
    return this.lines.filter((line) => rank[line.level] >= rank[level]).map((line) => line.message);
  }

  #record(level: LogLine['level'], message: string, fields: LogFields = {}): void {
    this.lines.push({ level, message, fields: { ...this.bindings, ...fields } });
  }
}
