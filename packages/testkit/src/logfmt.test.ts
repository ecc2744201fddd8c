import { describe, expect, it } from 'vitest';
import { parseLogfmt } from './logfmt.js';

describe('parseLogfmt', () => {
  it('reads bare and quoted values, unescaping the quoted ones', () => {
    const line = 'ts=2026-01-01T00:00:00.1Z level=error msg="failed to reload config" err="reading \\"a b\\":\\n\\tx" addr=127.0.0.1:4000 empty=';
    expect(parseLogfmt(line)).toEqual({
      ts: '2026-01-01T00:00:00.1Z',
      level: 'error',
      msg: 'failed to reload config',
      err: 'reading "a b":\n\tx',
      addr: '127.0.0.1:4000',
      empty: '',
    });
  });
});
