/**
 * Bounded waiting: every wait in the testkit ends, either with what it waited for or with
 * an error that says what it was waiting for and what the process printed meanwhile.
 */

export interface WaitOptions {
  /** How long to wait; 10 s when left out. */
  readonly timeoutMs?: number;
  /** How often to check; 20 ms when left out. */
  readonly intervalMs?: number;
  /** What is awaited, for the timeout error: `the sink's file to have 5000 lines`. */
  readonly description: string;
  /** Added to the timeout error, e.g. a process's captured stderr. */
  readonly context?: () => string;
}

/** The timeout error: what was awaited, for how long, and any context. */
export class WaitTimeoutError extends Error {
  constructor(description: string, timeoutMs: number, context = '') {
    super(`timed out after ${timeoutMs} ms waiting for ${description}${context === '' ? '' : `\n${context}`}`);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Polls `check` until it returns something other than `undefined` or `false`, and returns
 * that. A `check` that throws is retried; its last error is reported on timeout.
 */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, options: WaitOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const last = lastError === undefined ? '' : `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}\n`;
      throw new WaitTimeoutError(options.description, timeoutMs, last + (options.context?.() ?? ''));
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}

/** `promise`, or a `WaitTimeoutError` if it has not settled within `timeoutMs`. */
export function within<T>(promise: Promise<T>, timeoutMs: number, description: string, context?: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WaitTimeoutError(description, timeoutMs, context?.() ?? '')), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
