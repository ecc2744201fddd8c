import type { StabilityLevel } from '@ingot/syntax';
import type { Registry as MetricsRegistry } from 'prom-client';

export type { MetricsRegistry };

/** Structured fields of a log line: rendered as `key=value` (logfmt) or JSON members. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Logging as the runtime hands it out: a component's logger is already bound to its
 * `component_path` and `component_id`. Loggers follow the `logging` block: a reload that
 * changes the level or format applies to loggers handed out before it.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines also carry `bindings`, after this logger's own. */
  child(bindings: LogFields): Logger;
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
  /**
   * The component's own prom-client registry. Every metric registered in it carries the
   * component's `component_id` and `component_path` labels (its default labels), and it is
   * exposed on `/metrics` only while the component is in the current graph, so nothing
   * ever needs unregistering.
   */
  readonly metrics: MetricsRegistry;
  /** The `--stability.level` in force, for components that gate experimental behaviour. */
  readonly minStability: StabilityLevel;
  /**
   * Publishes new exports. Callable at any time, from the factory on, and never blocks; a
   * value equal to the current exports is ignored. Published values are immutable. A
   * component that registered no exports schema gets `Exports = never`, so it cannot call it.
   */
  readonly onExports: (exports: Exports) => void;
  /**
   * The data a running service shares with components (e.g. `cluster`'s view of its peers).
   * Throws `service "<name>" does not exist` for a name no service has.
   */
  readonly getServiceData: (name: string) => unknown;
}
