/**
 * Timing for the runtime benchmark: warm-up, then interleaved rounds with a collection
 * before every run, reported as medians. The same scheme as packages/syntax/bench/measure.ts,
 * for stages that are asynchronous (a load awaits its evaluations).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A collection before each run keeps one run's garbage from being charged to the next. */
setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly runs: number;
}

export interface Stage {
  readonly name: string;
  /** One timed run; what it resolves to goes to `check`, untimed. */
  readonly run: () => unknown;
  /** Throws if a run did not do what the stage claims to time. */
  readonly check: (result: unknown) => void;
  /** Untimed work before each run, such as letting the previous run's leftovers settle. */
  readonly before: () => unknown;
  /** Timed runs per round (more for short stages, for a steadier median). */
  readonly perRound: number;
  readonly times: number[];
}

export interface StageOptions<T> {
  readonly check?: (result: T) => void;
  readonly before?: () => unknown;
  readonly perRound?: number;
}

export function stage<T>(name: string, run: () => T | Promise<T>, options: StageOptions<T> = {}): Stage {
  const { check = () => {}, before = () => {}, perRound = 1 } = options;
  return { name, run, check: check as (result: unknown) => void, before, perRound, times: [] };
}

export interface MeasureOptions {
  readonly warmup?: number;
  readonly minRounds?: number;
  readonly maxRounds?: number;
  readonly budgetMs?: number;
}

/**
 * Warms every stage up, then times them in interleaved rounds (each stage in turn, with a
 * collection before each run) until `budgetMs` is spent, at least `minRounds` and at most
 * `maxRounds` times. Interleaving exposes every stage to the same machine load, so the
 * ratios stay meaningful on a busy machine even when absolute times drift.
 */
export async function measure(
  stages: readonly Stage[],
  { warmup = 2, minRounds = 5, maxRounds = 25, budgetMs = 15_000 }: MeasureOptions = {},
): Promise<void> {
  for (let i = 0; i < warmup; i++) {
    for (const s of stages) {
      await s.before();
      s.check(await s.run());
    }
  }
  const start = performance.now();
  for (let round = 0; round < minRounds || (round < maxRounds && performance.now() - start < budgetMs); round++) {
    for (const s of stages) {
      for (let i = 0; i < s.perRound; i++) {
        await s.before();
        gc();
        const t0 = performance.now();
        const result = await s.run();
        s.times.push(performance.now() - t0);
        s.check(result);
      }
    }
  }
}

export function timing(s: Stage): Timing {
  return summarize(s.times);
}

export function summarize(samples: readonly number[]): Timing {
  const times = [...samples].sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, min: times[0]!, runs: times.length };
}
