/**
 * Timing for the benchmarks: warm-up, then interleaved rounds with a collection before
 * every run, reported as medians.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A collection before each run keeps one run's garbage from being charged to the next. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly runs: number;
}

export interface Stage {
  readonly run: () => unknown;
  /** Timed runs per round (more for short stages, for a steadier median). */
  readonly perRound: number;
  readonly times: number[];
}

export const stage = (run: () => unknown, perRound = 1): Stage => ({ run, perRound, times: [] });

export interface MeasureOptions {
  readonly warmup?: number;
  readonly minRounds?: number;
  readonly maxRounds?: number;
  readonly budgetMs?: number;
}

/**
 * Warms every stage up, then times them in interleaved rounds (each stage in turn, with
 * a collection before each run) until `budgetMs` is spent, at least `minRounds` and at
 * most `maxRounds` times. Interleaving exposes every stage to the same machine load, so
 * the ratios stay meaningful on a busy machine even when absolute times drift.
 */
export function measure(
  stages: readonly Stage[],
  { warmup = 2, minRounds = 5, maxRounds = 25, budgetMs = 24_000 }: MeasureOptions = {},
): void {
  for (let i = 0; i < warmup; i++) for (const s of stages) s.run();
  const start = performance.now();
  for (let round = 0; round < minRounds || (round < maxRounds && performance.now() - start < budgetMs); round++) {
    for (const s of stages) {
      for (let i = 0; i < s.perRound; i++) {
        gc();
        const t0 = performance.now();
        s.run();
        s.times.push(performance.now() - t0);
      }
    }
  }
}

export function timing(s: Stage): Timing {
  const times = [...s.times].sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, min: times[0]!, runs: times.length };
}
