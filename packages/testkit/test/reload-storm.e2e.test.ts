/**
 * A hundred reloads while data flows (spec §2.4, §3.7): each one updates the sink, whose
 * stable receiver swaps sinks under the producer without losing or repeating a number,
 * and leaves the process as it found it (handles, heap).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricValue, parseLogfmt, readLines, waitFor, type MetricSample } from '../src/index.js';
import { str, useIngot } from './support.js';

const start = useIngot();

const N = 5000;
const RELOADS = 100;

function config(file: string, tag: string): string {
  return (
    `testcomponents.sink "s" {\n  file = ${str(file)}\n  tag  = ${str(tag)}\n}\n` +
    `testcomponents.producer "p" {\n  forward_to = [testcomponents.sink.s.receiver]\n  max        = ${N}\n  interval   = "1ms"\n}\n`
  );
}

function resources(samples: readonly MetricSample[]) {
  return {
    handles: metricValue(samples, 'nodejs_active_handles_total')!,
    heap: metricValue(samples, 'nodejs_heap_size_used_bytes')!,
    rss: metricValue(samples, 'process_resident_memory_bytes')!,
  };
}

describe('ingot run: reload storm', { timeout: 60_000 }, () => {
  it(`delivers 1..${N} exactly once, in order, through ${RELOADS} reloads, and stays healthy`, async () => {
    let file = '';
    const ingot = await start({
      config: (dir) => {
        file = join(dir, 'sink.txt');
        return config(file, 'a');
      },
    });
    await waitFor(() => readLines(file).length > 0, { description: 'the first numbers to reach the sink', context: ingot.stderrText });
    const before = resources(await ingot.metrics());
    const reloadsLogged = ingot.logLines().length;

    for (let i = 1; i <= RELOADS; i++) {
      ingot.writeConfig(config(file, i % 2 === 1 ? 'b' : 'a'));
      const response = await ingot.request('/-/reload', { method: 'POST' });
      expect(response, `reload ${i}`).toMatchObject({ status: 200, body: 'config reloaded\n' });
    }
    const deliveredDuringStorm = readLines(file).length;
    // The storm happened while numbers flowed, or it proves nothing.
    expect(deliveredDuringStorm).toBeLessThan(N);

    // Every reload updated the sink and nothing else: the producer's receiver is the same.
    const reloaded = ingot
      .logLines()
      .slice(reloadsLogged)
      .map(parseLogfmt)
      .filter((fields) => fields.msg === 'config reloaded');
    expect(reloaded).toHaveLength(RELOADS);
    for (const fields of reloaded) expect(fields).toMatchObject({ added: '0', updated: '1', removed: '0', unchanged: '1', updated_ids: 'testcomponents.sink.s' });

    await waitFor(() => readLines(file).length >= N, {
      timeoutMs: 30_000,
      description: `${N} numbers in the sink's file (has ${readLines(file).length})`,
      context: ingot.stderrText,
    });
    const lines = readLines(file);
    expect(lines.length).toBe(N);
    const outOfPlace = lines.findIndex((line, index) => line !== String(index + 1));
    expect(outOfPlace, `line ${outOfPlace + 1} is ${lines[outOfPlace]}`).toBe(-1);

    // Handles come back to what they were (± a few: the scrape's own socket and the like);
    // the heap has not grown by the storm.
    const after = await waitFor(
      async () => {
        const now = resources(await ingot.metrics());
        return Math.abs(now.handles - before.handles) <= 3 && now;
      },
      { description: `active handles back to about ${before.handles}`, context: ingot.stderrText },
    );
    expect(after.heap - before.heap).toBeLessThan(50 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(100 * 1024 * 1024);
    expect(await ingot.request('/-/healthy')).toMatchObject({ status: 200, body: 'All Alloy components are healthy.\n' });

    ingot.signal('SIGTERM');
    expect(await ingot.waitForExit(10_000)).toEqual({ code: 0, signal: null });
  });

  it('leaves nothing behind of components that reloads add and remove', async () => {
    let dir = '';
    const config = (withFiles: boolean, i: number) =>
      `testcomponents.passthrough "p" {\n  input = "${i}"\n}\n` +
      (withFiles
        ? `local.file "watched" {\n  filename = ${str(join(dir, 'w.txt'))}\n}\n` +
          `local.file "polled" {\n  filename = ${str(join(dir, 'w.txt'))}\n  detector = "poll"\n  poll_frequency = "50ms"\n}\n`
        : '');
    const ingot = await start({
      config: (instanceDir) => {
        dir = instanceDir;
        writeFileSync(join(dir, 'w.txt'), 'content');
        return config(false, 0);
      },
    });
    const handlesBefore = handlesByType(await ingot.metrics());

    for (let i = 1; i <= 50; i++) {
      ingot.writeConfig(config(i % 2 === 1, i));
      expect(await ingot.request('/-/reload', { method: 'POST' }), `reload ${i}`).toMatchObject({ status: 200 });
      if (i === 1) {
        // What is to disappear was there: the fsnotify detector's watcher.
        await waitFor(async () => (handlesByType(await ingot.metrics()).FSWatcher ?? 0) >= 1, {
          description: 'a file watcher while local.file "watched" runs',
          context: ingot.stderrText,
        });
      }
    }
    // The last reload removed the files' components: their watchers, timers and metrics go.
    await waitFor(
      async () => JSON.stringify(handlesByType(await ingot.metrics())) === JSON.stringify(handlesBefore),
      { description: `active handles back to ${JSON.stringify(handlesBefore)}`, context: ingot.stderrText },
    );
    const samples = await ingot.metrics();
    expect(samples.filter((sample) => sample.labels.component_id !== undefined)).toEqual([]);
    expect(ingot.stderrText()).not.toMatch(/MaxListenersExceededWarning|level=(warn|error)/);
  });
});

/** `nodejs_active_handles` by handle type. */
function handlesByType(samples: readonly MetricSample[]): Record<string, number> {
  return Object.fromEntries(
    samples
      .filter((sample) => sample.name === 'nodejs_active_handles')
      .map((sample) => [sample.labels.type!, sample.value] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
