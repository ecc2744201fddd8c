/**
 * Timer helpers that respect Node's limits and an abort signal.
 */

/** Node's timers hold a signed 32-bit millisecond count; beyond it they fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `tick` every `ms` milliseconds until the returned function is called. Durations
 * past Node's limit are capped (about 24.8 days) rather than silently turned into 1 ms.
 */
export function every(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, Math.min(ms, MAX_TIMER_MS));
  return () => clearInterval(timer);
}

/** Waits `ms` milliseconds; resolves `false` instead if `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles once `signal` aborts (at once if it already has): the wait of a `run` with nothing else to do. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
