import { describe, expect, it } from 'vitest';
import { ReloadRequests } from '../src/file/reload-requests.js';

describe('ReloadRequests', () => {
  it('coalesces requests made while none is taken into one', async () => {
    const reloads = new ReloadRequests();
    const signal = new AbortController().signal;
    reloads.request();
    reloads.request();
    reloads.request();
    expect(await reloads.next(signal)).toBe(true);
    // Nothing else is pending: the next wait ends only with a new request.
    const next = reloads.next(signal);
    reloads.request();
    expect(await next).toBe(true);
  });

  it('hands a request to a waiting reader, and coalesces the ones after it', async () => {
    const reloads = new ReloadRequests();
    const controller = new AbortController();
    const waiting = reloads.next(controller.signal);
    reloads.request();
    reloads.request();
    reloads.request();
    expect(await waiting).toBe(true);
    expect(await reloads.next(controller.signal)).toBe(true);
    const third = reloads.next(controller.signal);
    controller.abort();
    expect(await third).toBe(false);
  });

  it('ends the wait when aborted, even with a request pending', async () => {
    const reloads = new ReloadRequests();
    const controller = new AbortController();
    const waiting = reloads.next(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    reloads.request();
    expect(await reloads.next(controller.signal)).toBe(false);
  });
});
