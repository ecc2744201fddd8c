import { describe, expect, it } from 'vitest';
import { healthOf, leastHealthy } from './health.js';

const at = (seconds: number): Date => new Date(seconds * 1000);

describe('healthOf', () => {
  it('uses upstream messages', () => {
    expect(healthOf.created(at(0))).toEqual({ state: 'unknown', message: 'component created', updateTime: at(0) });
    expect(healthOf.evaluated(at(0)).message).toBe('component evaluated');
    expect(healthOf.evaluationFailed('decoding configuration: boom', at(0))).toMatchObject({
      state: 'unhealthy',
      message: 'component evaluation failed: decoding configuration: boom',
    });
    expect(healthOf.started(at(0))).toMatchObject({ state: 'healthy', message: 'started component' });
    expect(healthOf.exited(undefined, at(0))).toMatchObject({ state: 'exited', message: 'component shut down cleanly' });
    expect(healthOf.exited('port in use', at(0)).message).toBe('component shut down with error: port in use');
  });
});

describe('leastHealthy', () => {
  it('orders exited > unhealthy > unknown > healthy regardless of time', () => {
    const healthy = healthOf.evaluated(at(9));
    const unknown = healthOf.created(at(1));
    const unhealthy = healthOf.evaluationFailed('x', at(0));
    const exited = healthOf.exited(undefined, at(0));
    expect(leastHealthy(healthy, unknown)).toBe(unknown);
    expect(leastHealthy(unknown, unhealthy, healthy)).toBe(unhealthy);
    expect(leastHealthy(unhealthy, exited)).toBe(exited);
  });

  it('breaks ties by the most recent, then by argument order', () => {
    const older = healthOf.started(at(1));
    const newer = healthOf.evaluated(at(2));
    expect(leastHealthy(older, newer)).toBe(newer);
    expect(leastHealthy(newer, older)).toBe(newer);
    const run = healthOf.started(at(3));
    const evaluation = healthOf.evaluated(at(3));
    expect(leastHealthy(run, evaluation)).toBe(run);
  });
});
