import type { HealthState } from '../component/health.js';

/**
 * One component as the web API shows it (spec §6.4), field for field in upstream's order so
 * that `JSON.stringify` of it is upstream's JSON. Bodies are alloyjson statements
 * (`marshalBody` output), secrets already rendered `(secret)`.
 */
export interface ComponentInfo {
  /** The component name, e.g. `pyroscope.write`; for a custom component its block name. */
  readonly name: string;
  readonly type: 'block';
  readonly localID: string;
  /** `''` at the root. */
  readonly moduleID: string;
  /** Left out when the block has no label. */
  readonly label?: string;
  /** Local IDs of the component nodes this one references. */
  readonly referencesTo: readonly string[];
  /** Local IDs of the component nodes referencing this one. */
  readonly referencedBy: readonly string[];
  /** Local IDs of the components this one's data flows to (spec §1.6). */
  readonly dataFlowEdgesTo: readonly string[];
  readonly health: {
    readonly state: HealthState;
    readonly message: string;
    /** RFC 3339 with up to nanoseconds, trailing zeros trimmed. */
    readonly updatedTime: string;
  };
  readonly original: '';
  /** Empty in lists; filled by a detail request. */
  readonly arguments: EvaluatedBodyJson;
  readonly exports: EvaluatedBodyJson;
  readonly debugInfo: EvaluatedBodyJson;
  /** For a running custom component, `[<its global ID>]`; left out when empty. */
  readonly createdModuleIDs?: readonly string[];
  readonly liveDebuggingEnabled: boolean;
}

/** An alloyjson body, already marshalled: an array of statement objects. */
export type EvaluatedBodyJson = readonly unknown[];
