import { availableParallelism } from 'node:os';
import { hasErrors, NO_POSITION, object, string, type Diagnostic, type File, type Value } from '@ingot/syntax';
import { Registry as PromRegistry } from 'prom-client';
import { Observable, Subject, audit, buffer, type Subscription } from 'rxjs';
import type { Logger } from '../component/options.js';
import type { LookupOptions, Registry } from '../component/registry.js';
import type { Graph } from '../dag/graph.js';
import { ControllerMetrics } from '../metrics/controller-metrics.js';
import { Definitions, type Template } from '../modules/definitions.js';
import type { AnyImportSourceDefinition } from '../modules/import-source.js';
import type { AnyServiceDefinition } from '../service/service.js';
import { globalId } from './block-id.js';
import { diffGraphs, type GraphChanges } from './changes.js';
import { dataFlowEdges } from './data-flow.js';
import { valueMapsEqual } from './deep-equal.js';
import { EvaluationLock } from './evaluation-lock.js';
import { ComponentNode, type ComponentHost } from './live/component-node.js';
import { ConfigNode, type ConfigBlockHandler } from './live/config-node.js';
import { CustomComponentNode, type CustomComponentHost, type ModuleController } from './live/custom-node.js';
import { ImportNode, type ImportHost } from './live/import-node.js';
import { evaluateArgument, evaluateExport } from './live/module-blocks.js';
import { EVALUATED, messageOf, type Evaluation } from './live/evaluation.js';
import { ServiceNode } from './live/service-node.js';
import { loadGraph } from './loader.js';
import type { GraphNode } from './node.js';
import { join } from 'node:path';
import { untilAborted } from '../timers.js';
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
  /** The `import.*` kinds this controller (and its modules) can import from. */
  readonly importSources?: readonly AnyImportSourceDefinition[];
  /**
   * Every running module's controller by module ID, shared by the root and all its nested
   * controllers (for the API); a custom component registers its module while it runs.
   */
  readonly modules?: Map<string, Controller>;
  /** A module's controller: told each time the module's exports change. */
  readonly onModuleExports?: (exports: ReadonlyMap<string, Value>) => void;
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
export type LiveNode = ComponentNode | CustomComponentNode | ServiceNode | ImportNode | ConfigNode;

/**
 * Evaluation code reports failures as results; an exception is a bug, but one node's bug
 * must not stop the walk over the others.
 */
function evaluationBug(error: unknown): Evaluation {
  const reason = messageOf(error);
  return { ok: false, reason, diagnostics: [{ severity: 'error', message: reason, file: '', start: NO_POSITION }] };
}

/** What a module's load brings besides its template's body. */
interface ModuleContext {
  readonly outer: Definitions;
  readonly args: ReadonlyMap<string, Value>;
  readonly modulePath: string;
}

/** Nodes whose exports other nodes read: builtin and custom components. */
function hasExports(node: LiveNode | undefined): node is ComponentNode | CustomComponentNode {
  return node instanceof ComponentNode || node instanceof CustomComponentNode;
}

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
  #modulePath: string;
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
  readonly #customHost: CustomComponentHost;
  /** A synchronize asked for and not started yet. */
  #pendingSync: Promise<void> | undefined;
  readonly #importHost: ImportHost;
  readonly #metrics: ControllerMetrics | undefined;
  /** The definitions of the graph in force; a load builds the next one. */
  #definitions: Definitions;
  /** A module's: the definitions around its template, and the arguments of its instance. */
  #outer: Definitions | undefined;
  #moduleArguments: ReadonlyMap<string, Value> = new Map();
  /** A module's exports: the values of its `export` blocks, by label. */
  #moduleExports: ReadonlyMap<string, Value> = new Map();
  /** The export values the current evaluation collects. */
  #exportValues = new Map<string, Value>();
  #exportsPublished = false;
  readonly #modules: Map<string, Controller>;
  readonly #importSources: ReadonlyMap<string, AnyImportSourceDefinition>;

  constructor(options: ControllerOptions) {
    this.id = options.id ?? '';
    this.#options = options;
    this.#logger = options.logger;
    this.#variables = new Variables(new Map<string, Value>([['module_path', string(options.modulePath ?? '')]]));
    this.#modulePath = options.modulePath ?? '';
    this.#pool = new WorkerPool(options.concurrency ?? availableParallelism());
    this.#scheduler = new Scheduler({ logger: options.logger, shutdownDeadlineMs: options.shutdownDeadlineMs ?? 0 });
    this.#services = new Map((options.services ?? []).map((service) => [service.name, service]));
    this.#definitions = new Definitions();
    this.#modules = options.modules ?? new Map();
    this.#importSources = new Map((options.importSources ?? []).map((source) => [source.kind, source]));
    this.#customHost = {
      definitions: () => this.#definitions,
      createModule: (id, onExports) => this.#createModule(id, onExports),
      registerModule: (id, controller) => this.#registerModule(id, controller as Controller),
      exportsChanged: (node) => this.#exportsChanged(node),
    };
    this.#importHost = {
      sourceDefinition: (kind) => this.#importSources.get(kind),
      dataPath: (id) => join(options.storagePath, globalId(this.id, id)),
      logger: options.logger,
      modulePath: () => this.#modulePath,
      changed: (node) => this.#importChanged(node),
    };
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
   * Loads a custom component's template into this (nested) controller with its instance's
   * arguments (spec §4.5): as `load`, with the template's body as the config, the
   * definitions around it visible, `argument.<name>.value` in scope and `module_path` that
   * of the module declaring it. Its exports are reported through `onModuleExports`.
   */
  loadModule(template: Template, args: ReadonlyMap<string, Value>): Promise<{ readonly diagnostics: readonly Diagnostic[]; readonly fatal: boolean }> {
    return this.#lock.exclusive(async () => {
      const file: File = { kind: 'File', name: template.file, body: template.block.body, comments: [] };
      const outcome = await this.#load([file], { outer: template.scope, args, modulePath: template.modulePath });
      return { diagnostics: outcome.diagnostics, fatal: !this.#loaded };
    });
  }

  /** A module's exports: its `export` blocks' values by label. */
  get moduleExports(): ReadonlyMap<string, Value> {
    return this.#moduleExports;
  }

  /**
   * Runs the graph until `signal` aborts: schedules what the loads built, then stops
   * everything (dependants first) and settles.
   */
  async run(signal: AbortSignal): Promise<void> {
    this.#running = true;
    if (this.#loaded) void this.#synchronize();
    await untilAborted(signal);
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
      if (this.#pool.size === 0 && round > 0 && this.#pendingSync === undefined) break;
      await this.#pool.idle();
      await this.#pendingSync;
      await this.#scheduler.idle();
    }
    await this.#pendingSync;
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

  /** The running module controllers, by module ID (shared with the nested controllers). */
  get modules(): ReadonlyMap<string, Controller> {
    return this.#modules;
  }

  /** This controller's own metrics registry, if it has one. */
  get metricsRegistry(): PromRegistry | undefined {
    return this.#options.metrics;
  }

  /** IDs with a running task. */
  runningTasks(): readonly string[] {
    return this.#scheduler.running();
  }

  /**
   * Plans, then applies. A module's context (the definitions around its template, its
   * instance's arguments, its `module_path`) is committed only with a sound plan: a refused
   * load leaves the module evaluating as before.
   */
  async #load(files: readonly File[], module?: ModuleContext): Promise<LoadOutcome> {
    const planned = loadGraph(files, {
      registry: this.#options.registry,
      lookup: this.#options.lookup,
      scope: this.id === '' ? { kind: 'root' } : { kind: 'module', arguments: [...(module?.args ?? this.#moduleArguments).keys()] },
      services: this.#services,
      outer: (segment) => (module?.outer ?? this.#outer)?.defines(segment) ?? false,
    });
    if (!planned.ok) return { status: 'rejected', diagnostics: planned.diagnostics };
    for (const warning of planned.warnings) this.#logger.warn(warning.message, warning.fields);
    if (module !== undefined) {
      this.#outer = module.outer;
      this.#moduleArguments = module.args;
      this.#modulePath = module.modulePath;
      this.#variables.setFixed('module_path', string(module.modulePath));
    }

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
    // Declares and imports register here as they are evaluated, before their instances.
    this.#definitions = new Definitions(this.#outer);
    this.#exportValues = new Map();
    for (const plan of planned) {
      const node = this.#reuseOrCreate(plan, previous.get(plan.id));
      nodes.set(plan.id, node);
      const pending = this.#evaluate(node, plan);
      const evaluation = pending instanceof Promise ? await pending : pending;
      if (!evaluation.ok) {
        diagnostics.push(...evaluation.diagnostics);
        this.#logger.error('failed to evaluate config', { node: plan.id, err: evaluation.reason });
      } else if (evaluation.updated && previous.get(plan.id) === node) {
        updated.add(plan.id);
      }
      if (hasExports(node)) this.#variables.set(node.id, node.exportsValue);
    }
    this.#logger.info('finished complete graph evaluation', { duration: `${(performance.now() - start).toFixed(3)}ms` });

    for (const [id, node] of previous) {
      if (nodes.get(id) !== node && (hasExports(node) || node.kind === 'config')) this.#variables.delete(id);
    }
    const changes = diffGraphs(previous, nodes, updated);
    this.#graph = graph;
    this.#order = planned.map((node) => node.id);
    this.#nodes = nodes;
    this.#dataFlow = dataFlowEdges(graph);
    this.#metrics?.connections(this.#dataFlow);
    this.#publishModuleExports();

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
        if (previous instanceof CustomComponentNode && previous.name === plan.source.block.name.join('.')) return previous;
        return new CustomComponentNode(plan.id, globalId(this.id, plan.id), plan.source, this.#customHost);
      case 'config':
        if (plan.name === 'import') {
          const kind = plan.source.block.name[1]!;
          if (previous instanceof ImportNode && previous.sourceKind === kind) return previous;
          return new ImportNode(plan.id, plan.source.block.label, kind, this.#importHost);
        }
      // falls through
      case 'declare':
      case 'default': {
        const name = plan.kind === 'config' ? (plan.name as Exclude<typeof plan.name, 'import'>) : plan.kind === 'declare' ? 'declare' : plan.id;
        if (previous instanceof ConfigNode && previous.name === name) return previous;
        return new ConfigNode(plan.id, name, name === 'logging' ? this.#options.logging : undefined);
      }
    }
  }

  /**
   * Evaluates one node. Synchronous when nothing asynchronous happens (the common case on a
   * reload: arguments decoded and found unchanged), so a reload of a thousand nodes does not
   * pay a thousand trips through the microtask queue.
   */
  #evaluate(node: LiveNode, plan: GraphNode): Evaluation | Promise<Evaluation> {
    try {
      const result = this.#evaluateNode(node, plan);
      return result instanceof Promise ? result.catch((error: unknown) => evaluationBug(error)) : result;
    } catch (error) {
      return evaluationBug(error);
    }
  }

  #evaluateNode(node: LiveNode, plan: GraphNode): Evaluation | Promise<Evaluation> {
    const scope = this.#variables.scope;
    const source = 'source' in plan ? plan.source : undefined;
    if (node instanceof ComponentNode || node instanceof CustomComponentNode) return node.evaluate(scope, source);
    if (node instanceof ImportNode) {
      return node.evaluate(scope, source!).then((evaluation) => {
        if (node.module !== undefined) this.#definitions.import(node.label, node.module);
        return evaluation;
      });
    }
    if (node instanceof ServiceNode) return node.evaluate(scope, source);
    switch (node.name) {
      case 'declare':
        this.#definitions.declare(source!.block.label, {
          block: source!.block,
          file: source!.file,
          scope: this.#definitions,
          modulePath: this.#modulePath,
        });
        return EVALUATED;
      case 'argument': {
        const argument = evaluateArgument(source!, scope, this.#moduleArguments);
        if (!argument.ok) return argument;
        this.#variables.set(node.id, object(new Map([['value', argument.value]])));
        return EVALUATED;
      }
      case 'export': {
        const exported = evaluateExport(source!, scope);
        if (!exported.ok) return exported;
        this.#exportValues.set(source!.block.label, exported.value);
        return EVALUATED;
      }
      default:
        return node.evaluate(scope, source);
    }
  }

  /** Re-evaluates one node after something it references changed (spec §1.10). */
  async #reevaluate(id: string, triggered: number): Promise<void> {
    await this.#lock.shared(async () => {
      const node = this.#nodes.get(id);
      const plan = this.#graph?.node(id);
      if (node === undefined || plan === undefined) return;
      const wasBuilt = hasExports(node) && node.built;
      const began = performance.now();
      const evaluation = await this.#evaluate(node, plan);
      this.#metrics?.evaluated(id, (began - triggered) / 1000, (performance.now() - began) / 1000);
      if (!evaluation.ok) this.#logger.error('failed to evaluate config', { node: id, err: evaluation.reason });
      if (hasExports(node)) {
        this.#variables.set(node.id, node.exportsValue);
        // Built only now: start it now rather than at the next reload (spec §1.9 quirk).
        if (!wasBuilt && node.built && this.#running) void this.#synchronize();
      } else if (node.kind === 'config' && node.name === 'export') {
        this.#publishModuleExports();
      } else if (node.kind === 'config' && node.name === 'argument') {
        this.#changes.next(id);
      }
    });
  }

  #exportsChanged(node: ComponentNode | CustomComponentNode): void {
    if (this.#nodes.get(node.id) !== node) return;
    this.#variables.set(node.id, node.exportsValue);
    this.#changes.next(node.id);
  }

  /** An import took new content: its definitions are in place; its instances load again. */
  #importChanged(node: ImportNode): void {
    if (this.#nodes.get(node.id) !== node || node.module === undefined) return;
    this.#definitions.import(node.label, node.module);
    this.#changes.next(node.id);
  }

  /** Tells the instance that owns this module about changed exports (deduplicated). */
  #publishModuleExports(): void {
    const next = this.#exportValues;
    const previous = this.#moduleExports;
    if (valueMapsEqual(next, previous) && this.#exportsPublished) return;
    this.#exportsPublished = true;
    this.#moduleExports = new Map(next);
    this.#options.onModuleExports?.(this.#moduleExports);
  }

  /** Creates a custom component's nested controller, sharing this one's settings. */
  #createModule(id: string, onExports: (exports: ReadonlyMap<string, Value>) => void): ModuleController {
    const { services: _services, logging: _logging, metrics: _metrics, ...inherited } = this.#options;
    return new Controller({
      ...inherited,
      id,
      modules: this.#modules,
      metrics: new PromRegistry(),
      onModuleExports: onExports,
    });
  }

  #registerModule(id: string, controller: Controller): () => void {
    if (this.#modules.has(id)) throw new Error(`module ${JSON.stringify(id)} already exists`);
    this.#modules.set(id, controller);
    return () => {
      if (this.#modules.get(id) === controller) this.#modules.delete(id);
    };
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
      if (node instanceof ComponentNode || node instanceof CustomComponentNode || node instanceof ServiceNode || node instanceof ImportNode) {
        runnables.push(node);
      }
    }
    return runnables;
  }

  /**
   * Asks for a synchronize on the next turn of the event loop; requests made before it
   * runs share it. A load therefore returns as soon as its graph is applied, and a burst of
   * newly built components is scheduled once.
   */
  #synchronize(): Promise<void> {
    this.#pendingSync ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        this.#pendingSync = undefined;
        this.#logger.info('scheduling loaded components and services');
        resolve(this.#scheduler.synchronize(this.#running ? this.#runnables() : []).catch(() => undefined));
      });
    });
    return this.#pendingSync;
  }

  #serviceData(name: string): unknown {
    const service = this.#services.get(name);
    if (service === undefined) throw new Error(`service ${JSON.stringify(name)} does not exist`);
    return service.service.data();
  }
}
