import { describe, expect, it } from 'vitest';
import { shouldUseColor } from './color.js';

describe('shouldUseColor', () => {
  const env = { TERM: 'xterm-256color' };

  it('colours a terminal by default', () => {
    expect(shouldUseColor({ isTTY: true, env })).toBe(true);
    expect(shouldUseColor({ isTTY: true, env: {} })).toBe(true);
  });

  it('never colours a stream that is not a terminal', () => {
    expect(shouldUseColor({ isTTY: false, env })).toBe(false);
    expect(shouldUseColor({ isTTY: undefined, env })).toBe(false);
  });

  it('respects NO_COLOR set to any non-empty value', () => {
    for (const value of ['1', '0', 'false']) {
      expect(shouldUseColor({ isTTY: true, env: { ...env, NO_COLOR: value } })).toBe(false);
    }
    expect(shouldUseColor({ isTTY: true, env: { ...env, NO_COLOR: '' } })).toBe(true);
  });

  it('respects TERM=dumb', () => {
    expect(shouldUseColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('respects --no-color', () => {
    expect(shouldUseColor({ isTTY: true, env, noColorFlag: true })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env, noColorFlag: false })).toBe(true);
  });
});
