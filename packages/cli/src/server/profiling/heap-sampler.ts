/**
 * V8's sampling heap profiler, on while at least one server with profiling enabled runs. Go
 * samples allocations from the start of the process; V8 only sees allocations made after
 * sampling starts, so it starts with the server rather than with the first request.
 */

/** Go's default `runtime.MemProfileRate`: one sample every 512 KiB allocated. */
const SAMPLE_INTERVAL_BYTES = 512 * 1024;
const STACK_DEPTH = 64;

let holders = 0;
/** Whether this module started the sampler, so it never stops one that someone else started. */
let startedHere = false;

/**
 * Keeps heap sampling on until the returned release is called. A failure to start (another
 * user of @datadog/pprof sampling with other settings) is not fatal: profiles then come from
 * that sampler, or the heap route answers 500.
 */
export async function holdHeapSampling(): Promise<() => void> {
  const { heap } = await import('@datadog/pprof');
  if (holders === 0) {
    try {
      heap.start(SAMPLE_INTERVAL_BYTES, STACK_DEPTH);
      startedHere = true;
    } catch {
      startedHere = false;
    }
  }
  holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0 && startedHere) {
      heap.stop();
      startedHere = false;
    }
  };
}

/** The live heap as sampled so far (`inuse_objects`, `inuse_space`), as a gzipped pprof protobuf. */
export async function collectHeapProfile(): Promise<Buffer> {
  const { heap, encode } = await import('@datadog/pprof');
  return encode(heap.profile());
}
