import { describe, expect, it } from 'vitest';
import { waitFor, within } from './wait-for.js';

describe('waitFor', () => {
  it('returns the first result that is neither undefined nor false', async () => {
    let calls = 0;
    expect(await waitFor(() => (++calls >= 3 ? calls : false), { description: 'three calls', intervalMs: 1 })).toBe(3);
  });

  it('fails after the timeout, saying what it waited for, the last error and the context', async () => {
    const wait = waitFor(
      () => {
        throw new Error('not yet');
      },
      { description: 'the impossible', timeoutMs: 30, intervalMs: 5, context: () => 'stderr: nothing' },
    );
    await expect(wait).rejects.toThrow(/^timed out after 30 ms waiting for the impossible\nlast error: not yet\nstderr: nothing$/);
  });
});

describe('within', () => {
  it('passes a settled promise through and times out a pending one', async () => {
    expect(await within(Promise.resolve(1), 100, 'one')).toBe(1);
    await expect(within(new Promise(() => {}), 10, 'never', () => 'ctx')).rejects.toThrow('timed out after 10 ms waiting for never\nctx');
  });
});
