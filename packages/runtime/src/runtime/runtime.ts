import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarizeDiagnostics, type Diagnostic } from '@ingot/syntax';
import type { Registry as PromRegistry } from 'prom-client';
import type { ComponentInfo } from '../api/component-info.js';
import { describeComponent, describeComponents } from '../api/describe.js';
import type { ComponentHandler, ReloadOutcome, RuntimeHost } from '../api/host.js';
import type { Logger } from '../component/options.js';
import { parseConfig, readConfig } from '../config/read-config.js';
import { changesSummary, type GraphChanges } from '../controller/changes.js';
import { Controller, type ControllerOptions } from '../controller/controller.js';
import { ComponentNode } from '../controller/live/component-node.js';
import { CustomComponentNode } from '../controller/live/custom-node.js';
import { gatherMetrics } from '../metrics/gather.js';
import { ConfigMetrics } from './config-metrics.js';

export interface RuntimeOptions extends Omit<ControllerOptions, 'id' | 'modulePath' | 'metrics'> {
  /** The config file, or a directory of `*.alloy` files. */
  readonly configPath: string;
  /** The process-wide registry: config and controller metrics, plus whatever the caller adds. */
  readonly metrics: PromRegistry;
  /** `--cluster.name`, the `cluster_name` label of `alloy_config_hash`. */
  readonly clusterName?: string;
  /** This node, as `/api/v0/web/peers` lists it (its address is known once the server listens). */
  readonly self: () => { readonly name: string; readonly addr: string };
}

/**
 * Why a load failed, in upstream's words (spec §2.3). `diagnostics` and `sources` are there
 * when the failure is about the config's content, so a caller can print them in context.
 */
export interface LoadFailure {
  readonly ok: false;
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

export type LoadResult = { readonly ok: true; readonly changes: GraphChanges } | LoadFailure;

/**
 * A running Ingot: the root controller over a config path, reloaded on demand, and
 * everything the HTTP API asks of it. Loads are serialized; a config that fails to read,
 * parse or plan never replaces the one in force.
 */
export class Runtime implements RuntimeHost {
  readonly controller: Controller;
  readonly #options: RuntimeOptions;
  readonly #logger: Logger;
  readonly #configMetrics: ConfigMetrics;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: RuntimeOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#configMetrics = new ConfigMetrics(options.metrics, options.clusterName ?? '');
    this.controller = new Controller({
      ...options,
      id: '',
      modulePath: modulePathOf(options.configPath),
      metrics: options.metrics,
    });
  }

  /** Reads, parses and applies the config (spec §2.2); one load at a time. */
  load(): Promise<LoadResult> {
    const next = this.#queue.then(() => this.#load());
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #load(): Promise<LoadResult> {
    const { configPath } = this.#options;
    const read = await readConfig(configPath);
    if (!read.ok) {
      this.#configMetrics.rejected();
      return { ok: false, message: read.message, diagnostics: [], sources: new Map() };
    }
    const parsed = parseConfig(read.sources);
    if (!parsed.ok) {
      this.#configMetrics.rejected();
      const message = `reading config path ${JSON.stringify(configPath)}: ${summarizeDiagnostics(parsed.diagnostics)}`;
      return { ok: false, message, diagnostics: parsed.diagnostics, sources: read.sources };
    }
    const outcome = await this.controller.load(parsed.files);
    if (outcome.status === 'rejected') this.#configMetrics.rejected();
    else this.#configMetrics.applied(read.hash, outcome.diagnostics.length === 0);
    if (outcome.diagnostics.length > 0) {
      // Upstream words reload failures as initial-load ones; scripts match on it (spec §2.3).
      const message = `error during the initial load: ${summarizeDiagnostics(outcome.diagnostics)}`;
      return { ok: false, message, diagnostics: outcome.diagnostics, sources: read.sources };
    }
    if (outcome.status === 'rejected') throw new Error('a rejected load has diagnostics');
    return { ok: true, changes: outcome.changes };
  }

  /** A reload, as SIGHUP and `/-/reload` ask for it; logs the outcome and what changed. */
  async reload(): Promise<ReloadOutcome> {
    const result = await this.load();
    if (!result.ok) {
      this.#logger.error('failed to reload config', { err: result.message });
      return { ok: false, message: result.message };
    }
    this.#logger.info('config reloaded', changesSummary(result.changes));
    return { ok: true };
  }

  ready(): boolean {
    return this.controller.loaded;
  }

  unhealthyComponents(): readonly string[] {
    return this.controller
      .nodes()
      .filter((node) => (node instanceof ComponentNode || node instanceof CustomComponentNode) && node.health().state === 'unhealthy')
      .map((node) => (node instanceof ComponentNode ? node.registration.name : (node as CustomComponentNode).name));
  }

  components(moduleId: string): readonly ComponentInfo[] | undefined {
    const controller = this.#controller(moduleId);
    return controller === undefined ? undefined : describeComponents(controller, moduleId, false, this.#running);
  }

  component(moduleId: string, localId: string): ComponentInfo | undefined {
    const controller = this.#controller(moduleId);
    const node = controller?.node(localId);
    return node instanceof ComponentNode || node instanceof CustomComponentNode
      ? describeComponent(controller!, node, moduleId, true, this.#running)
      : undefined;
  }

  #controller(moduleId: string): Controller | undefined {
    return moduleId === '' ? this.controller : this.controller.modules.get(moduleId);
  }

  readonly #running = (moduleId: string): boolean => this.controller.modules.has(moduleId);

  componentHandler(globalId: string): { readonly exists: boolean; readonly handler?: ComponentHandler } {
    const slash = globalId.lastIndexOf('/');
    const node = this.#controller(slash < 0 ? '' : globalId.slice(0, slash))?.node(globalId.slice(slash + 1));
    if (!(node instanceof ComponentNode)) return { exists: false };
    const handler = node.component?.handler;
    return handler === undefined ? { exists: true } : { exists: true, handler: handler.bind(node.component) };
  }

  /** Process, controller and config metrics, then every controller's own and its components'. */
  metrics(): Promise<string> {
    const registries = [this.#options.metrics];
    for (const controller of [this.controller, ...this.controller.modules.values()]) {
      if (controller !== this.controller && controller.metricsRegistry !== undefined) registries.push(controller.metricsRegistry);
      for (const node of controller.nodes()) if (node instanceof ComponentNode) registries.push(node.metrics);
    }
    return gatherMetrics(registries);
  }

  peers(): readonly { readonly name: string; readonly addr: string; readonly isSelf: boolean; readonly state: string }[] {
    const { name, addr } = this.#options.self();
    return this.controller.loaded ? [{ name, addr, isSelf: true, state: 'participant' }] : [];
  }
}

/**
 * `module_path` (spec §1.1): the directory itself, or the file's directory. A path that
 * cannot be read is taken for a file: loading it fails anyway, with its own error.
 */
function modulePathOf(configPath: string): string {
  try {
    return statSync(configPath).isDirectory() ? configPath : dirname(configPath);
  } catch {
    return dirname(configPath);
  }
}
