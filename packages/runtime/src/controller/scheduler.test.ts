import { describe, expect, it } from 'vitest';
import type { Logger, LogFields } from '../component/options.js';
import { Scheduler, type Runnable } from './scheduler.js';

function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (message: string, fields?: LogFields) =>
    lines.push(`${level} ${message}${fields?.node === undefined ? '' : ` ${String(fields.node)}`}`);
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: () => logger };
  return logger;
}

/** A node that records its starts and stops; `stubborn` ignores the abort signal. */
function node(id: string, events: string[], options: { stubborn?: boolean; fails?: boolean } = {}): Runnable & { starts: number } {
  let ended: 'clean' | 'error' | undefined;
  const self = {
    id,
    starts: 0,
    get wantsToRun() {
      return ended !== 'clean';
    },
    async run(signal: AbortSignal) {
      self.starts++;
      events.push(`start ${id}`);
      if (options.fails) {
        ended = 'error';
        throw new Error(`${id} failed`);
      }
      if (!options.stubborn) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      else await new Promise(() => {});
      events.push(`stop ${id}`);
      ended = 'clean';
    },
  };
  return self;
}

describe('Scheduler', () => {
  it('starts in dependency order, stops dependants first, and keeps tasks whose node stays', async () => {
    const events: string[] = [];
    const scheduler = new Scheduler({ logger: recordingLogger([]), shutdownDeadlineMs: 0 });
    const a = node('a', events);
    const b = node('b', events);
    const c = node('c', events);
    await scheduler.synchronize([a, b, c]);
    expect(events).toEqual(['start a', 'start b', 'start c']);
    events.length = 0;

    await scheduler.synchronize([a]);
    expect(events).toEqual(['stop c', 'stop b']);
    expect(scheduler.running()).toEqual(['a']);
    expect(a.starts).toBe(1);

    await scheduler.stopAll();
    expect(scheduler.running()).toEqual([]);
  });

  it('stops before it starts', async () => {
    const events: string[] = [];
    const scheduler = new Scheduler({ logger: recordingLogger([]), shutdownDeadlineMs: 0 });
    await scheduler.synchronize([node('old', events)]);
    await scheduler.synchronize([node('new', events)]);
    expect(events).toEqual(['start old', 'stop old', 'start new']);
    await scheduler.stopAll();
  });

  it('restarts a node that failed, at the next synchronize, but not one that ended cleanly', async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const scheduler = new Scheduler({ logger: recordingLogger(lines), shutdownDeadlineMs: 0 });
    const failing = node('failing', events, { fails: true });
    await scheduler.synchronize([failing]);
    await new Promise((r) => setImmediate(r));
    expect(lines).toContain('error node exited with error failing');
    expect(scheduler.running()).toEqual([]);
    await scheduler.synchronize([failing]);
    expect(failing.starts).toBe(2);
  });

  it('abandons a task that outlives the shutdown deadline, and says so', async () => {
    const lines: string[] = [];
    const scheduler = new Scheduler({ logger: recordingLogger(lines), shutdownDeadlineMs: 50, slowStopWarningMs: 10 });
    await scheduler.synchronize([node('stuck', [], { stubborn: true })]);
    await scheduler.stopAll();
    expect(lines).toContain('warn task shutdown is taking longer than expected stuck');
    expect(lines).toContain('error task shutdown deadline exceeded stuck');
    expect(scheduler.running()).toEqual([]);
  });
});
