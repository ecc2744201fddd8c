import type { StabilityLevel } from '@ingot/syntax';

/** The logging the runtime hands a component: already tagged with its `component_id` and `component_path`. */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * The component's own metrics registry. Every metric registered in it carries the
 * component's labels, and it is exposed on `/metrics` only while the component is in the
 * current graph. Only the labels are settled so far; registering metrics comes with the
 * metrics endpoint.
 */
export interface MetricsRegistry {
  readonly labels: TelemetryLabels;
}

/** The labels every log line and metric of a component carries. */
export interface TelemetryLabels {
  /** The local ID, e.g. `pyroscope.write.default`. */
  readonly component_id: string;
  /** `/` followed by the owning controller's ID; `/` at the root. */
  readonly component_path: string;
}

/**
 * Splits a global ID at its last `/` into telemetry labels (spec §1.4):
 * `math.add.example/prometheus.scrape.x` → path `/math.add.example`, id `prometheus.scrape.x`.
 */
export function telemetryLabels(globalId: string): TelemetryLabels {
  const slash = globalId.lastIndexOf('/');
  return {
    component_id: globalId.slice(slash + 1),
    component_path: `/${slash < 0 ? '' : globalId.slice(0, slash)}`,
  };
}

/** What a component is given when built; fixed for its whole life (spec §3.2). */
export interface ComponentOptions<Exports> {
  /** The global ID: the local ID, prefixed by the owning controller's ID and `/` inside a module. */
  readonly id: string;
  /** `<--storage.path>/<id>`. It may not exist yet; the component creates it when it needs it. */
  readonly dataPath: string;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  /** The `--stability.level` in force, for components that gate experimental behaviour. */
  readonly minStability: StabilityLevel;
  /**
   * Publishes new exports. Callable at any time, from the factory on, and never blocks; a
   * value equal to the current exports is ignored. Published values are immutable. A
   * component that registered no exports schema gets `Exports = never`, so it cannot call it.
   */
  readonly onExports: (exports: Exports) => void;
}
