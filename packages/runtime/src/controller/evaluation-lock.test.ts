import { describe, expect, it } from 'vitest';
import { EvaluationLock } from './evaluation-lock.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('EvaluationLock', () => {
  it('lets evaluations overlap but never with a load', async () => {
    const lock = new EvaluationLock();
    const log: string[] = [];
    const evaluation = (name: string) =>
      lock.shared(async () => {
        log.push(`${name}+`);
        await tick();
        log.push(`${name}-`);
      });
    const load = lock.exclusive(async () => {
      log.push('load+');
      await tick();
      log.push('load-');
    });
    await Promise.all([evaluation('a'), evaluation('b'), load]);
    expect(log).toEqual(['load+', 'load-', 'a+', 'b+', 'a-', 'b-']);
  });

  it('makes a load wait for running evaluations, and later evaluations wait for the load', async () => {
    const lock = new EvaluationLock();
    const log: string[] = [];
    const first = lock.shared(async () => {
      log.push('a+');
      await tick();
      log.push('a-');
    });
    const load = lock.exclusive(async () => {
      log.push('load');
    });
    const later = lock.shared(async () => {
      log.push('b');
    });
    await Promise.all([first, load, later]);
    expect(log).toEqual(['a+', 'a-', 'load', 'b']);
  });

  it('releases the lock when the work fails', async () => {
    const lock = new EvaluationLock();
    await expect(lock.exclusive(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(lock.shared(async () => 1)).resolves.toBe(1);
  });
});
