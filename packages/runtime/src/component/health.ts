/**
 * Component health as upstream reports it. A node tracks two healths of its own, from
 * evaluation and from `run`, and a component may report a third; the node shows the least
 * healthy of them.
 */

/** Wire names, as the HTTP API spells them. */
export type HealthState = 'unknown' | 'healthy' | 'unhealthy' | 'exited';

export interface Health {
  readonly state: HealthState;
  readonly message: string;
  readonly updateTime: Date;
}

/** Upstream's messages for each lifecycle event (spec §3.5). */
export const healthOf = {
  created: (at: Date): Health => ({ state: 'unknown', message: 'component created', updateTime: at }),
  evaluated: (at: Date): Health => ({ state: 'healthy', message: 'component evaluated', updateTime: at }),
  /** `error` already says which step failed: `decoding configuration: …`, `building component: …`, `updating component: …`. */
  evaluationFailed: (error: string, at: Date): Health => ({
    state: 'unhealthy',
    message: `component evaluation failed: ${error}`,
    updateTime: at,
  }),
  started: (at: Date): Health => ({ state: 'healthy', message: 'started component', updateTime: at }),
  exited: (error: string | undefined, at: Date): Health => ({
    state: 'exited',
    message: error === undefined ? 'component shut down cleanly' : `component shut down with error: ${error}`,
    updateTime: at,
  }),
} as const;

/** The same events for a custom component instance, in upstream's words for it (spec §3.5). */
export const customHealthOf = {
  created: (at: Date): Health => ({ state: 'unknown', message: 'node custom component created', updateTime: at }),
  evaluated: healthOf.evaluated,
  evaluationFailed: healthOf.evaluationFailed,
  started: (at: Date): Health => ({ state: 'healthy', message: 'started custom component', updateTime: at }),
  exited: (error: string | undefined, at: Date): Health => ({
    state: 'exited',
    message: error === undefined ? 'custom component shut down cleanly' : `custom component shut down with error: ${error}`,
    updateTime: at,
  }),
} as const;

const severity: Readonly<Record<HealthState, number>> = { healthy: 0, unknown: 1, unhealthy: 2, exited: 3 };

/**
 * The least healthy of `healths` (exited > unhealthy > unknown > healthy). Among equally
 * severe ones the most recent wins, and among equally recent ones the earliest argument,
 * so callers pass run health, evaluation health, then the component's own, as upstream.
 */
export function leastHealthy(first: Health, ...rest: readonly Health[]): Health {
  let worst = first;
  for (const health of rest) {
    const bySeverity = severity[health.state] - severity[worst.state];
    if (bySeverity > 0 || (bySeverity === 0 && health.updateTime.getTime() > worst.updateTime.getTime())) {
      worst = health;
    }
  }
  return worst;
}
