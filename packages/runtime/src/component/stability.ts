import { stabilityError, type StabilityLevel } from '@ingot/syntax';

const rank: Readonly<Record<StabilityLevel, number>> = {
  experimental: 0,
  'public-preview': 1,
  'generally-available': 2,
};

/**
 * Why `feature` (e.g. `component "pyroscope.java"`) may not be used at `minimum`, or
 * `undefined` when its `level` is high enough (spec §7.4).
 */
export function checkStability(feature: string, level: StabilityLevel, minimum: StabilityLevel): string | undefined {
  return rank[level] >= rank[minimum] ? undefined : stabilityError(feature, level, minimum);
}
