import { availableParallelism } from 'node:os';
import { hasErrors, NO_POSITION, string, type Diagnostic, type File, type Value } from '@ingot/syntax';
import type { Registry as PromRegistry } from 'prom-client';
import { Observable, Subject, audit, buffer, type Subscription } from 'rxjs';
import type { Logger } from '../component/options.js';
import type { LookupOptions, Registry } from '../component/registry.js';
import type { Graph } from '../dag/graph.js';
import { ControllerMetrics } from '../metrics/controller-metrics.js';
import type { AnyServiceDefinition } from '../service/service.js';
import { globalId } from './block-id.js';
import { diffGraphs, type GraphChanges } from './changes.js';
import { dataFlowEdges } from './data-flow.js';
import { EvaluationLock } from './evaluation-lock.js';
import { ComponentNode, type ComponentHost } from './live/component-node.js';
import { ConfigNode, type ConfigBlockHandler } from './live/config-node.js';
import { messageOf, type Evaluation } from './live/evaluation.js';
import { ServiceNode } from './live/service-node.js';
import { loadGraph } from './loader.js';
import type { GraphNode } from './node.js';
import { Scheduler, type Runnable } from './scheduler.js';
import { Variables } from './variables.js';
import { WorkerPool } from './worker-pool.js';

export interface ControllerOptions {
  /** The controller's ID: `''` for the root, a custom component's global ID for its module. */
  readonly id?: string;
  readonly registry: Registry;
  readonly lookup: LookupOptions;
  /** The process's services; the root graph has a node for each. */
  readonly services?: readonly AnyServiceDefinition[];
  /** `--storage.path`: components get `<storagePath>/<global ID>`. */
  readonly storagePath: string;
  readonly logger: Logger;
  /** What the `logging` block does when evaluated (the root's implicit one included). */
  readonly logging?: ConfigBlockHandler;
  /** The `module_path` variable: the config's directory. */
  readonly modulePath?: string;
  /** `--feature.component-shutdown-deadline` in milliseconds; 0 waits forever. */
  readonly shutdownDeadlineMs?: number;
  /** How many evaluations may run at once after export changes; the CPU count by default. */
  readonly concurrency?: number;
  /** Where the controller registers its metrics (spec §6.2); none when absent. */
  readonly metrics?: PromRegistry;
}

/** Emits once, at the next turn of the event loop (after pending I/O callbacks). */
const nextMacrotask = new Observable<void>((subscriber) => {
  const handle = setImmediate(() => {
    subscriber.next();
    subscriber.complete();
  });
  return () => clearImmediate(handle);
});

/** A live node of the graph, by kind. */
export type LiveNode = ComponentNode | ServiceNode | ConfigNode;

/**
 * What a load did. `rejected`: the new config did not make a graph (phase A), nothing
 * changed. `applied`: the new graph is in force; `diagnostics` are the evaluation errors of
 * the nodes that failed (they keep their last good arguments and turn unhealthy).
 */
export type LoadOutcome =
  | { readonly status: 'rejected'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly status: 'applied'; readonly diagnostics: readonly Diagnostic[]; readonly changes: GraphChanges };

/**
 * One component graph and everything that keeps it running (spec §1, §2): loading a config
 * into a candidate graph, evaluating it in dependency order onto live nodes reused by ID,
 * propagating export changes to direct dependants, and scheduling what runs.
 *
 * A candidate graph is planned without touching anything live (phase A); only a graph
 * without phase-A errors is evaluated, which is the commit. Upstream instead attaches the
 * new blocks to reused nodes before it knows the load is valid, so a rejected reload can
 * leak into later evaluations (its quirk 2.6-1); here a rejected load changes nothing.
 */
export class Controller {
  readonly id: string;
  readonly #options: ControllerOptions;
  readonly #logger: Logger;
  readonly #variables: Variables;
  readonly #lock = new EvaluationLock();
  readonly #pool: WorkerPool;
  readonly #scheduler: Scheduler;
  readonly #services: ReadonlyMap<string, AnyServiceDefinition>;
  /** The graph in force, its nodes in evaluation order, and the live node of each ID. */
  #graph: Graph<GraphNode> | undefined;
  #order: readonly string[] = [];
  #nodes = new Map<string, LiveNode>();
  #dataFlow: ReadonlyMap<string, readonly string[]> = new Map();
  #loaded = false;
  #running = false;
  /** IDs of components whose exports changed, drained in batches. */
  readonly #changes = new Subject<string>();
  readonly #propagation: Subscription;
  readonly #componentHost: ComponentHost;
  readonly #metrics: ControllerMetrics | undefined;

  constructor(options: ControllerOptions) {
    this.id = options.id ?? '';
    this.#options = options;
    this.#logger = options.logger;
    this.#variables = new Variables(new Map<string, Value>([['module_path', string(options.modulePath ?? '')]]));
    this.#pool = new WorkerPool(options.concurrency ?? availableParallelism());
    this.#scheduler = new Scheduler({ logger: options.logger, shutdownDeadlineMs: options.shutdownDeadlineMs ?? 0 });
    this.#services = new Map((options.services ?? []).map((service) => [service.name, service]));
    this.#componentHost = {
      storagePath: options.storagePath,
      logger: options.logger,
      minStability: options.lookup.minStability,
      getServiceData: (name) => this.#serviceData(name),
      exportsChanged: (node) => this.#exportsChanged(node),
    };

    this.#metrics =
      options.metrics === undefined
        ? undefined
        : new ControllerMetrics(options.metrics, this.id, () =>
            this.nodes()
              .filter((node): node is ComponentNode => node instanceof ComponentNode)
              .map((node) => node.health().state),
          );

    // A burst of export changes (one macrotask's worth) becomes one batch: a node that
    // depends on several of the changed ones is evaluated once (spec §1.10). The batch
    // closes on `setImmediate`, not a 0 ms timer, which Node stretches to 1 ms per hop.
    this.#propagation = this.#changes
      .pipe(buffer(this.#changes.pipe(audit(() => nextMacrotask))))
      .subscribe((batch) => this.#propagate(batch));
  }

  /** Whether a load succeeded; until then nothing runs (spec §1.8). */
  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * Loads `files` (parsed, sorted by name) as the new config (spec §1.5–1.8, §2): plans the
   * candidate graph, and if it is sound evaluates every node in dependency order, reusing
   * the live node of each ID that stays. Waits for evaluations in progress, and they wait for
   * it. Starting and stopping what changed follows asynchronously (see `settled`).
   *
   * The first load of a controller applies nothing to run if any node failed: the outcome
   * is `applied` with diagnostics, and the controller stays not `loaded`.
   */
  load(files: readonly File[]): Promise<LoadOutcome> {
    return this.#lock.exclusive(() => this.#load(files));
  }

  /**
   * Runs the graph until `signal` aborts: schedules what the loads built, then stops
   * everything (dependants first) and settles.
   */
  async run(signal: AbortSignal): Promise<void> {
    this.#running = true;
    if (this.#loaded) void this.#synchronize();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.#running = false;
    this.#propagation.unsubscribe();
    await this.#pool.idle();
    await this.#scheduler.stopAll();
  }

  /**
   * Settles once the propagation and scheduling caused so far are done (for tests and
   * tools). Each round lets a pending batch of export changes out (they are gathered for a
   * macrotask), then waits for the evaluations and scheduling it caused; a cascade takes
   * one round per level, so the number of rounds is bounded by the depth of the graph.
   */
  async settled(): Promise<void> {
    for (let round = 0; round <= this.#order.length; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.#pool.size === 0 && round > 0) break;
      await this.#pool.idle();
      await this.#scheduler.idle();
    }
    await this.#scheduler.idle();
  }

  /** The live nodes in evaluation order. */
  nodes(): readonly LiveNode[] {
    return this.#order.map((id) => this.#nodes.get(id)!);
  }

  node(id: string): LiveNode | undefined {
    return this.#nodes.get(id);
  }

  /** The component nodes `id` references, and those referencing it (spec §6.4). */
  references(id: string): { readonly to: readonly string[]; readonly by: readonly string[] } {
    const graph = this.#graph;
    if (graph === undefined || !graph.hasNode(id)) return { to: [], by: [] };
    const isComponent = (other: string) => this.#nodes.get(other) instanceof ComponentNode;
    return {
      to: [...graph.dependencies(id)].filter(isComponent),
      by: [...graph.dependants(id)].filter(isComponent),
    };
  }

  /** The components `id`'s data flows to (spec §1.6). */
  dataFlowEdgesTo(id: string): readonly string[] {
    return this.#dataFlow.get(id) ?? [];
  }

  /** IDs with a running task. */
  runningTasks(): readonly string[] {
    return this.#scheduler.running();
  }

  async #load(files: readonly File[]): Promise<LoadOutcome> {
    const planned = loadGraph(files, {
      registry: this.#options.registry,
      lookup: this.#options.lookup,
      scope: this.id === '' ? { kind: 'root' } : { kind: 'module', arguments: [] },
      services: this.#services,
    });
    if (!planned.ok) return { status: 'rejected', diagnostics: planned.diagnostics };

    this.#metrics?.evaluating(true);
    try {
      return await this.#apply(planned.graph, planned.nodes);
    } finally {
      this.#metrics?.evaluating(false);
    }
  }

  async #apply(graph: Graph<GraphNode>, planned: readonly GraphNode[]): Promise<LoadOutcome> {
    const start = performance.now();
    this.#logger.info('starting complete graph evaluation');
    const previous = this.#nodes;
    const nodes = new Map<string, LiveNode>();
    const diagnostics: Diagnostic[] = [];
    const updated = new Set<string>();
    for (const plan of planned) {
      const node = this.#reuseOrCreate(plan, previous.get(plan.id));
      nodes.set(plan.id, node);
      const began = performance.now();
      const evaluation = await this.#evaluate(node, plan);
      this.#logger.info('finished node evaluation', { node_id: plan.id, duration: `${(performance.now() - began).toFixed(3)}ms` });
      if (!evaluation.ok) {
        diagnostics.push(...evaluation.diagnostics);
        this.#logger.error('failed to evaluate config', { node: plan.id, err: evaluation.reason });
      } else if (evaluation.updated && previous.get(plan.id) === node) {
        updated.add(plan.id);
      }
      if (node instanceof ComponentNode) this.#variables.set(node.id, node.exportsValue);
    }
    this.#logger.info('finished complete graph evaluation', { duration: `${(performance.now() - start).toFixed(3)}ms` });

    for (const [id, node] of previous) {
      if (nodes.get(id) !== node && node instanceof ComponentNode) this.#variables.delete(id);
    }
    const changes = diffGraphs(previous, nodes, updated);
    this.#graph = graph;
    this.#order = planned.map((node) => node.id);
    this.#nodes = nodes;
    this.#dataFlow = dataFlowEdges(graph);
    this.#metrics?.connections(this.#dataFlow);

    if (!this.#loaded && hasErrors(diagnostics)) return { status: 'applied', diagnostics, changes };
    this.#loaded = true;
    if (this.#running) void this.#synchronize();
    return { status: 'applied', diagnostics, changes };
  }

  /** The live node for a planned one: the previous node of that ID if it is the same kind of thing. */
  #reuseOrCreate(plan: GraphNode, previous: LiveNode | undefined): LiveNode {
    switch (plan.kind) {
      case 'builtin':
        if (previous instanceof ComponentNode && previous.registration === plan.registration) return previous;
        return new ComponentNode(plan.id, globalId(this.id, plan.id), plan.registration, plan.source, this.#componentHost);
      case 'service':
        if (previous instanceof ServiceNode) return previous;
        return new ServiceNode(plan.definition);
      case 'custom':
      case 'config':
      case 'declare':
      case 'default': {
        const name = plan.kind === 'custom' ? 'custom' : plan.kind === 'config' ? plan.name : plan.kind === 'declare' ? 'declare' : plan.id;
        if (previous instanceof ConfigNode && previous.name === name) return previous;
        return new ConfigNode(plan.id, name, name === 'logging' ? this.#options.logging : undefined);
      }
    }
  }

  async #evaluate(node: LiveNode, plan: GraphNode): Promise<Evaluation> {
    const scope = this.#variables.scope;
    try {
      if (node instanceof ComponentNode) return await node.evaluate(scope, plan.kind === 'builtin' ? plan.source : undefined);
      return await node.evaluate(scope, 'source' in plan ? plan.source : undefined);
    } catch (error) {
      // Evaluation code reports failures as results; an exception here is a bug, but one
      // node's bug must not stop the walk over the others.
      const reason = messageOf(error);
      return { ok: false, reason, diagnostics: [{ severity: 'error', message: reason, file: '', start: NO_POSITION }] };
    }
  }

  /** Re-evaluates one node after something it references changed (spec §1.10). */
  async #reevaluate(id: string, triggered: number): Promise<void> {
    await this.#lock.shared(async () => {
      const node = this.#nodes.get(id);
      const plan = this.#graph?.node(id);
      if (node === undefined || plan === undefined) return;
      const wasBuilt = node instanceof ComponentNode && node.built;
      const began = performance.now();
      const evaluation = await this.#evaluate(node, plan);
      this.#metrics?.evaluated(id, (began - triggered) / 1000, (performance.now() - began) / 1000);
      if (!evaluation.ok) this.#logger.error('failed to evaluate config', { node: id, err: evaluation.reason });
      if (node instanceof ComponentNode) {
        this.#variables.set(node.id, node.exportsValue);
        // Built only now: start it now rather than at the next reload (spec §1.9 quirk).
        if (!wasBuilt && node.built && this.#running) void this.#synchronize();
      }
    });
  }

  #exportsChanged(node: ComponentNode): void {
    if (this.#nodes.get(node.id) !== node) return;
    this.#variables.set(node.id, node.exportsValue);
    this.#changes.next(node.id);
  }

  #propagate(batch: readonly string[]): void {
    const graph = this.#graph;
    if (graph === undefined) return;
    const dependants = new Set<string>();
    for (const id of batch) {
      if (graph.hasNode(id)) for (const dependant of graph.dependants(id)) dependants.add(dependant);
    }
    const triggered = performance.now();
    for (const id of dependants) this.#pool.submit(`${this.id}/${id}`, () => this.#reevaluate(id, triggered));
    this.#metrics?.queueSize(this.#pool.size);
  }

  #runnables(): Runnable[] {
    const runnables: Runnable[] = [];
    for (const id of this.#order) {
      const node = this.#nodes.get(id);
      if (node instanceof ComponentNode || node instanceof ServiceNode) runnables.push(node);
    }
    return runnables;
  }

  #synchronize(): Promise<void> {
    this.#logger.info('scheduling loaded components and services');
    return this.#scheduler.synchronize(this.#runnables());
  }

  #serviceData(name: string): unknown {
    const service = this.#services.get(name);
    if (service === undefined) throw new Error(`service ${JSON.stringify(name)} does not exist`);
    return service.service.data();
  }
}
