import { NO_POSITION, type Diagnostic } from '@ingot/syntax';
import type { SourceBlock } from '../classify.js';

/** Why an evaluation failed: the diagnostics to report, and the text health shows. */
export interface EvaluationFailure {
  readonly diagnostics: readonly Diagnostic[];
  /** E.g. `decoding configuration: main.alloy:3:5: …`, after `component evaluation failed: `. */
  readonly reason: string;
}

/** What evaluating a node did; a failure never stops the walk over the graph. */
export type Evaluation =
  | { readonly ok: true; /** Whether a running component was handed new arguments. */ readonly updated: boolean }
  | Failed;

export type Failed = { readonly ok: false } & EvaluationFailure;

export const EVALUATED: Evaluation = { ok: true, updated: false };

/** A failure that is not already a positioned diagnostic: placed on the block, with `prefix` (spec §1.8 step 4). */
export function failure(source: SourceBlock | undefined, prefix: string, reason: string): Failed {
  const diagnostic: Diagnostic = {
    severity: 'error',
    message: `${prefix}${reason}`,
    file: source?.file ?? '',
    start: source?.block.start ?? NO_POSITION,
    ...(source === undefined ? {} : { end: source.block.end }),
  };
  return { ok: false, diagnostics: [diagnostic], reason };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
