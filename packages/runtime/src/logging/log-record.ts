/**
 * One log call, as the formats receive it.
 */
import type { LogFields } from '../component/options.js';
import type { Bindings } from './bindings.js';
import type { LogLevel } from './logging-options.js';

export interface LogRecord {
  readonly time: Date;
  readonly level: LogLevel;
  /** `''` leaves `msg` out of the line. */
  readonly message: string;
  /** The logger's bound attributes, written before the call's own. */
  readonly bindings: Bindings;
  readonly fields: LogFields | undefined;
}

/** A line layout: the whole line, and the attribute list both the line and bindings use. */
export interface LineFormat {
  /** The complete line, ending in `\n`. */
  line(record: LogRecord): string;
  /** Attributes as they follow the fixed keys: `' k=v k=v'` or `',"k":v,"k":v'`. */
  attributes(fields: LogFields): string;
}
