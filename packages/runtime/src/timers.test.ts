import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { every, sleep } from './timers.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('every', () => {
  it('ticks at the period until stopped', () => {
    const tick = vi.fn();
    const stop = every(100, tick);
    vi.advanceTimersByTime(350);
    expect(tick).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('caps a period beyond what Node timers hold instead of ticking every millisecond', () => {
    const tick = vi.fn();
    const stop = every(30 * 24 * 3_600_000, tick);
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 ** 31);
    expect(tick).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('sleep', () => {
  it('resolves true after the delay', async () => {
    const done = sleep(30, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(30);
    expect(await done).toBe(true);
  });

  it('resolves false as soon as the signal aborts, leaving no timer', async () => {
    const controller = new AbortController();
    const done = sleep(30, controller.signal);
    controller.abort();
    expect(await done).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
