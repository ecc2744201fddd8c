/**
 * Stability of the standard library. Two functions are experimental; the runtime (not
 * the evaluator) refuses them below `--stability.level=experimental`, as upstream's
 * validator does: only for the exact dotted traversal, so `array["group_by"]` is never
 * gated.
 */

export type StabilityLevel = 'experimental' | 'public-preview' | 'generally-available';

export const EXPERIMENTAL_IDENTIFIERS: readonly string[] = ['array.combine_maps', 'array.group_by'];

/**
 * Upstream's featuregate message, e.g. `array.combine_maps is at stability level
 * "experimental", which is below the minimum allowed stability level
 * "generally-available". Use --stability.level command-line flag to enable
 * "experimental" features`.
 */
export function stabilityError(name: string, level: StabilityLevel, minimum: StabilityLevel): string {
  const q = (text: string): string => JSON.stringify(text);
  return (
    `${name} is at stability level ${q(level)}, which is below the minimum allowed stability level ${q(minimum)}. ` +
    `Use --stability.level command-line flag to enable ${q(level)} features`
  );
}
