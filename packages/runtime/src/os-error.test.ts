import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { osErrorMessage } from './os-error.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('osErrorMessage', () => {
  it('words a failed call as Go does: call, path, description', () => {
    const error = thrownBy(() => readFileSync('/nonexistent-ingot/x'));
    expect(osErrorMessage(error, '/nonexistent-ingot/x')).toBe('open /nonexistent-ingot/x: no such file or directory');
  });

  it('supplies the path when Node leaves it out', () => {
    const error = thrownBy(() => readFileSync('/'));
    expect(osErrorMessage(error, '/')).toBe('read /: illegal operation on a directory');
  });

  it('keeps the message of anything that is not a system error', () => {
    expect(osErrorMessage(new Error('boom'), '/x')).toBe('boom');
    expect(osErrorMessage('text', '/x')).toBe('text');
  });
});
