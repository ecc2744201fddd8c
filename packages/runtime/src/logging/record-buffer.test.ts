import { describe, expect, it } from 'vitest';
import { RecordBuffer } from './record-buffer.js';

describe('RecordBuffer', () => {
  it('keeps everything within the limit, oldest first', () => {
    const buffer = new RecordBuffer<number>(3);
    buffer.push(1);
    buffer.push(2);
    expect(buffer.contents()).toEqual({ items: [1, 2], dropped: 0 });
  });

  it('drops the oldest beyond the limit and counts them', () => {
    const buffer = new RecordBuffer<number>(3);
    for (let i = 1; i <= 8; i++) buffer.push(i);
    expect(buffer.contents()).toEqual({ items: [6, 7, 8], dropped: 5 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new RecordBuffer(0)).toThrow('buffer limit must be a positive integer, got 0');
    expect(() => new RecordBuffer(1.5)).toThrow(RangeError);
  });
});
