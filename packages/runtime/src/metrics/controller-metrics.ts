import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { HealthState } from '../component/health.js';

const BUCKETS = [0.005, 0.025, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600];

/** Evaluations at least this long count as slow (spec §6.2). */
const SLOW_SECONDS = 60;

/**
 * The controller metrics of spec §6.2, under upstream's names, with the controller's
 * `controller_path`/`controller_id` labels. Each controller registers its own set.
 */
export class ControllerMetrics {
  readonly #labels: Readonly<Record<'controller_path' | 'controller_id', string>>;
  readonly #evaluating: Gauge;
  readonly #evaluationSeconds: Histogram;
  readonly #waitSeconds: Histogram;
  readonly #queueSize: Gauge;
  readonly #slowSeconds: Counter<'component_id'>;
  readonly #connections: Gauge<'from' | 'to'>;

  /** `healthOfComponents` is read at each scrape: the health state of every component node. */
  constructor(registry: Registry, controllerId: string, healthOfComponents: () => Iterable<HealthState>) {
    const labels = { controller_path: controllerPath(controllerId), controller_id: controllerId };
    const labelNames = Object.keys(labels);

    new Gauge({
      name: 'alloy_component_controller_running_components',
      help: 'Total number of running components.',
      labelNames: ['health_type', ...labelNames],
      registers: [registry],
      collect() {
        this.reset();
        const counts = new Map<HealthState, number>();
        for (const state of healthOfComponents()) counts.set(state, (counts.get(state) ?? 0) + 1);
        for (const [state, count] of counts) this.set({ health_type: state, ...labels }, count);
      },
    });
    this.#evaluating = new Gauge({
      name: 'alloy_component_controller_evaluating',
      help: 'Tracks if the controller is currently in the middle of a graph evaluation',
      labelNames,
      registers: [registry],
    });
    this.#evaluating.set(labels, 0);
    this.#evaluationSeconds = new Histogram({
      name: 'alloy_component_evaluation_seconds',
      help: 'Time spent performing component evaluation',
      labelNames,
      buckets: BUCKETS,
      registers: [registry],
    });
    this.#waitSeconds = new Histogram({
      name: 'alloy_component_dependencies_wait_seconds',
      help: 'Time spent by components waiting to be evaluated after their dependency is updated.',
      labelNames,
      buckets: BUCKETS,
      registers: [registry],
    });
    this.#queueSize = new Gauge({
      name: 'alloy_component_evaluation_queue_size',
      help: 'Tracks the number of components waiting to be evaluated in the worker pool',
      labelNames,
      registers: [registry],
    });
    this.#queueSize.set(labels, 0);
    this.#slowSeconds = new Counter({
      name: 'alloy_component_evaluation_slow_seconds',
      help: `Number of seconds spent evaluating components that take longer than ${SLOW_SECONDS} seconds`,
      labelNames: ['component_id', ...labelNames],
      registers: [registry],
    });
    this.#connections = new Gauge({
      name: 'alloy_component_graph_connection',
      help: 'Data flow connections between components in the graph (1 per connection)',
      labelNames: ['from', 'to', ...labelNames],
      registers: [registry],
    });
    this.#labels = labels;
  }

  evaluating(active: boolean): void {
    this.#evaluating.set(this.#labels, active ? 1 : 0);
  }

  /** A re-evaluation after an export change: how long it waited, and how long it took. */
  evaluated(componentId: string, waitedSeconds: number, tookSeconds: number): void {
    this.#waitSeconds.observe(this.#labels, waitedSeconds);
    this.#evaluationSeconds.observe(this.#labels, tookSeconds);
    if (tookSeconds >= SLOW_SECONDS) this.#slowSeconds.inc({ component_id: componentId, ...this.#labels }, tookSeconds);
  }

  queueSize(size: number): void {
    this.#queueSize.set(this.#labels, size);
  }

  /** Replaces the data-flow edges (spec §1.6), after each load. */
  connections(edges: ReadonlyMap<string, readonly string[]>): void {
    this.#connections.reset();
    for (const [from, targets] of edges) for (const to of targets) this.#connections.set({ from, to, ...this.#labels }, 1);
  }
}

/** `/` for the root; for a module, `/` and the path of the controller that owns it (spec §6.2). */
function controllerPath(controllerId: string): string {
  const slash = controllerId.lastIndexOf('/');
  return slash < 0 ? '/' : `/${controllerId.slice(0, slash)}`;
}
