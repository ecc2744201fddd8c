/**
 * The JSON line (spec §7.2): `{"ts":…,"level":…,"msg":…,<bindings>,<fields>}`, keys in the
 * same order as logfmt. A key bound twice is written twice, as slog does.
 */
import type { LogFields } from '../component/options.js';
import { attributeKey } from './attribute-key.js';
import { renderSafely } from './attribute-value.js';
import { jsonString, jsonText } from './json-text.js';
import type { LineFormat, LogRecord } from './log-record.js';
import { rfc3339Nano } from './rfc3339.js';

export const jsonFormat: LineFormat = {
  line(record: LogRecord): string {
    const message = record.message === '' ? '' : `,"msg":${jsonString(record.message)}`;
    const bindings = record.bindings.render(jsonFormat);
    const fields = record.fields === undefined ? '' : jsonFormat.attributes(record.fields);
    return `{"ts":"${rfc3339Nano(record.time)}","level":"${record.level}"${message}${bindings}${fields}}\n`;
  },

  attributes(fields: LogFields): string {
    let text = '';
    for (const key of Object.keys(fields)) {
      text += `,${jsonString(attributeKey(key))}:${renderSafely(() => jsonText(fields[key]), jsonString)}`;
    }
    return text;
  },
};
