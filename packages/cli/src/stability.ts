/**
 * `--stability.level`: the least stable features a command may use. Upstream gates the
 * experimental standard library functions outside the language, in its loader and
 * validator (`component_references.go`, `validator/references.go`): every traversal in
 * an expression whose dotted text is exactly an experimental function's name, such as
 * `array.group_by`, is refused below the `experimental` level, before anything is
 * evaluated. Only the exact traversal counts, so `array["group_by"]` passes, as upstream.
 */
import {
  EXPERIMENTAL_IDENTIFIERS,
  references,
  stabilityError,
  type Diagnostic,
  type Expression,
  type StabilityLevel,
} from '@ingot/syntax';

export type { StabilityLevel };

/** From most to least stable; the default is the first. */
export const STABILITY_LEVELS: readonly StabilityLevel[] = ['generally-available', 'public-preview', 'experimental'];

const EXPERIMENTAL_FUNCTIONS: ReadonlySet<string> = new Set(EXPERIMENTAL_IDENTIFIERS);

export function parseStabilityLevel(text: string): StabilityLevel | undefined {
  return STABILITY_LEVELS.find((level) => level === text);
}

/** One error per use of an experimental function that `allowed` does not admit. */
export function gateExperimentalFunctions(expr: Expression, allowed: StabilityLevel, filename: string): Diagnostic[] {
  if (isAllowed('experimental', allowed)) return [];
  return references(expr)
    .filter((traversal) => EXPERIMENTAL_FUNCTIONS.has(traversal.names.join('.')))
    .map((traversal) => ({
      severity: 'error',
      message: stabilityError(traversal.names.join('.'), 'experimental', allowed),
      file: filename,
      start: traversal.start,
      end: traversal.end,
    }));
}

function isAllowed(stability: StabilityLevel, allowed: StabilityLevel): boolean {
  return STABILITY_LEVELS.indexOf(stability) <= STABILITY_LEVELS.indexOf(allowed);
}
