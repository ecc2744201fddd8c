import { describe, expect, it } from 'vitest';
import { WorkerPool } from './worker-pool.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkerPool', () => {
  it('never runs more tasks at once than its concurrency', async () => {
    const pool = new WorkerPool(2);
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 10; i++) {
      pool.submit(`k${i}`, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setImmediate(r));
        running--;
      });
    }
    await pool.idle();
    expect(peak).toBe(2);
  });

  it('coalesces a waiting key and keeps one more run of a running key', async () => {
    const pool = new WorkerPool(4);
    const gate = deferred();
    const runs: string[] = [];
    pool.submit('a', async () => {
      runs.push('a1');
      await gate.promise;
    });
    pool.submit('a', async () => void runs.push('a2'));
    pool.submit('a', async () => void runs.push('a3'));
    expect(pool.size).toBe(2);
    gate.resolve();
    await pool.idle();
    expect(runs).toEqual(['a1', 'a2']);
  });

  it('lets a waiting key pass others while its previous run is busy', async () => {
    const pool = new WorkerPool(1);
    const gate = deferred();
    const runs: string[] = [];
    pool.submit('a', async () => {
      runs.push('a1');
      await gate.promise;
    });
    pool.submit('a', async () => void runs.push('a2'));
    pool.submit('b', async () => void runs.push('b'));
    gate.resolve();
    await pool.idle();
    expect(runs).toEqual(['a1', 'a2', 'b']);
  });

  it('keeps going when a task fails', async () => {
    const pool = new WorkerPool(1);
    const runs: string[] = [];
    pool.submit('bad', async () => {
      throw new Error('boom');
    });
    pool.submit('good', async () => void runs.push('good'));
    await pool.idle();
    expect(runs).toEqual(['good']);
  });
});
