/** What a CPU profile request gets: the encoded profile, or why none could be taken. */
export type CpuProfileOutcome = { readonly ok: true; readonly profile: Buffer } | { readonly ok: false; readonly reason: string };

/** Go's rate: 100 samples a second keeps the cost of profiling a live agent low. */
const SAMPLE_INTERVAL_MICROS = 10_000;

/**
 * Profiles this process for `durationMs` and returns the gzipped pprof protobuf, as Go's
 * `/debug/pprof/profile` does. V8 can run one such profiler per process, so a second
 * request while one runs (from this server, another server or any other user of
 * @datadog/pprof) gets Go's refusal, `cpu profiling already in use`.
 *
 * The profile is V8's sampling profiler as @datadog/pprof exposes it: wall-clock samples of
 * the JavaScript thread (`wall`/`nanoseconds`), which for an event loop is where CPU time goes.
 * The wait ends early when `signal` aborts (client gone, server closing); what was sampled
 * until then is returned.
 */
export async function collectCpuProfile(durationMs: number, signal: AbortSignal): Promise<CpuProfileOutcome> {
  // Loaded on first use, so a server without profiling never loads the native addon.
  const { time, encode } = await import('@datadog/pprof');
  if (time.isStarted()) return { ok: false, reason: 'cpu profiling already in use' };
  time.start({ durationMillis: durationMs, intervalMicros: SAMPLE_INTERVAL_MICROS });
  // Checking and starting happen in one synchronous step, so two requests cannot both start.
  await delay(durationMs, signal);
  return { ok: true, profile: await encode(time.stop()) };
}

/** Resolves after `ms` or on abort, and never rejects, so the profiler is always stopped. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
