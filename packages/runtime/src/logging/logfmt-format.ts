/**
 * The logfmt line (spec §7.2): `ts=… level=… msg=… <bindings> <fields>`.
 */
import type { LogFields } from '../component/options.js';
import { attributeKey } from './attribute-key.js';
import { renderSafely } from './attribute-value.js';
import type { LineFormat, LogRecord } from './log-record.js';
import { logfmtString, logfmtValue } from './logfmt-text.js';
import { rfc3339Nano } from './rfc3339.js';

export const logfmtFormat: LineFormat = {
  line(record: LogRecord): string {
    const message = record.message === '' ? '' : ` msg=${logfmtString(record.message)}`;
    const bindings = record.bindings.render(logfmtFormat);
    const fields = record.fields === undefined ? '' : logfmtFormat.attributes(record.fields);
    return `ts=${rfc3339Nano(record.time)} level=${record.level}${message}${bindings}${fields}\n`;
  },

  attributes(fields: LogFields): string {
    let text = '';
    for (const key of Object.keys(fields)) {
      text += ` ${logfmtString(attributeKey(key))}=${renderSafely(() => logfmtValue(fields[key]), logfmtString)}`;
    }
    return text;
  },
};
