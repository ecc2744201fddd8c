import { join } from 'node:path';
import {
  decodeBody,
  encodeBody,
  summarizeDiagnostics,
  type Scope,
  type Value,
  type EvaluatedBody,
  type StabilityLevel,
} from '@ingot/syntax';
import { Registry as PromRegistry } from 'prom-client';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { Component } from '../../component/component.js';
import { healthOf, leastHealthy, type Health } from '../../component/health.js';
import { telemetryLabels, type Logger } from '../../component/options.js';
import type { AnyRegistration } from '../../component/registration.js';
import type { SourceBlock } from '../classify.js';
import { deepEqual } from '../deep-equal.js';
import { exportsValue, zeroExports } from '../exports-value.js';
import { failure, messageOf, type Evaluation, type Failed } from './evaluation.js';

/** What a component node needs from its controller. */
export interface ComponentHost {
  readonly storagePath: string;
  readonly logger: Logger;
  readonly minStability: StabilityLevel;
  getServiceData(name: string): unknown;
  /** Called when the component published exports different from its current ones. */
  exportsChanged(node: ComponentNode): void;
}

/**
 * A builtin component in a running graph (spec §1.8, §3): the instance once built, the
 * arguments it runs with, the exports it published, and its health. The node outlives
 * reloads that keep its ID: the same instance is updated, and its exports (receivers
 * included) stay the same objects.
 */
export class ComponentNode {
  readonly kind = 'builtin';
  readonly id: string;
  readonly globalId: string;
  readonly registration: AnyRegistration;
  readonly metrics: PromRegistry;
  readonly logger: Logger;
  #source: SourceBlock;
  #component: Component<unknown> | undefined;
  #arguments: unknown;
  #exports: Readonly<Record<string, unknown>> | undefined;
  readonly #exports$: BehaviorSubject<Value>;
  #evalHealth: Health;
  #runHealth: Health;
  /** Whether `run` last ended with an error; such a component is started again on the next reload. */
  #exitedWithError = false;
  #running = false;
  readonly #host: ComponentHost;

  constructor(id: string, globalId: string, registration: AnyRegistration, source: SourceBlock, host: ComponentHost) {
    this.id = id;
    this.globalId = globalId;
    this.registration = registration;
    this.#source = source;
    this.#host = host;
    const labels = telemetryLabels(globalId);
    this.metrics = new PromRegistry();
    this.metrics.setDefaultLabels({ ...labels });
    this.logger = host.logger.child({ ...labels });
    this.#exports$ = new BehaviorSubject(zeroExports(registration.exports));
    const now = new Date();
    this.#evalHealth = healthOf.created(now);
    this.#runHealth = healthOf.created(now);
  }

  get source(): SourceBlock {
    return this.#source;
  }

  /** The exports as references read them; emits each time they change. */
  get exports$(): Observable<Value> {
    return this.#exports$;
  }

  get exportsValue(): Value {
    return this.#exports$.value;
  }

  get built(): boolean {
    return this.#component !== undefined;
  }

  /** Whether the scheduler should run it: built, not running, and not ended cleanly. */
  get wantsToRun(): boolean {
    return this.#component !== undefined && !this.#running && (this.#runHealth.state !== 'exited' || this.#exitedWithError);
  }

  /**
   * Decodes the block (`source`, which a reload may have replaced) against `scope`, then
   * builds the component, or updates it if the arguments changed (spec §1.8 step 2).
   */
  evaluate(scope: Scope, source: SourceBlock = this.#source): Evaluation | Promise<Evaluation> {
    this.#source = source;
    const decoded = decodeBody(source.block.body, this.registration.arguments, scope, {
      filename: source.file,
      enclosing: source.block,
    });
    if (!decoded.ok) {
      return this.#failed({
        ok: false,
        diagnostics: decoded.diagnostics,
        reason: `decoding configuration: ${summarizeDiagnostics(decoded.diagnostics)}`,
      });
    }
    const args = decoded.value;
    if (this.#component === undefined) return this.#build(args, source);
    // Unchanged arguments, the usual case on a reload: answered without awaiting anything.
    if (deepEqual(args, this.#arguments)) return this.#succeeded(false);
    return this.#update(this.#component, args, source);
  }

  async #build(args: unknown, source: SourceBlock): Promise<Evaluation> {
    try {
      this.#component = await this.registration.build(this.#options(), args as Readonly<Record<string, unknown>>);
    } catch (error) {
      return this.#failed(failure(source, 'Failed to build component: ', `building component: ${messageOf(error)}`));
    }
    this.#arguments = args;
    return this.#succeeded(true);
  }

  async #update(component: Component<unknown>, args: unknown, source: SourceBlock): Promise<Evaluation> {
    try {
      await component.update(args);
    } catch (error) {
      return this.#failed(failure(source, 'Failed to build component: ', `updating component: ${messageOf(error)}`));
    }
    this.#arguments = args;
    return this.#succeeded(true);
  }

  /** Runs the built component until `signal` aborts; its health follows (spec §3.5). */
  async run(signal: AbortSignal): Promise<void> {
    const component = this.#component;
    if (component === undefined) throw new Error('managed component not built');
    this.#running = true;
    this.#runHealth = healthOf.started(new Date());
    try {
      await component.run(signal);
      this.#exitedWithError = false;
      this.#runHealth = healthOf.exited(undefined, new Date());
    } catch (error) {
      this.#exitedWithError = true;
      this.#runHealth = healthOf.exited(messageOf(error), new Date());
      throw error;
    } finally {
      this.#running = false;
    }
  }

  /** The least healthy of run, evaluation and the component's own health (spec §3.5). */
  health(): Health {
    const own = this.#component?.currentHealth?.();
    return own === undefined ? leastHealthy(this.#runHealth, this.#evalHealth) : leastHealthy(this.#runHealth, this.#evalHealth, own);
  }

  /** The decoded arguments in force, as alloyjson statements; `[]` before the first success. */
  argumentsBody(): EvaluatedBody {
    return this.#arguments === undefined ? [] : encodeBody(this.#arguments as never, this.registration.arguments);
  }

  exportsBody(): EvaluatedBody {
    const schema = this.registration.exports;
    return schema === undefined || this.#exports === undefined ? [] : encodeBody(this.#exports as never, schema);
  }

  debugInfo(): unknown {
    return this.#component?.debugInfo?.();
  }

  /** The instance, for services such as the HTTP server that look for optional capabilities. */
  get component(): Component<unknown> | undefined {
    return this.#component;
  }

  #options() {
    return {
      id: this.globalId,
      dataPath: join(this.#host.storagePath, this.globalId),
      logger: this.logger,
      metrics: this.metrics,
      minStability: this.#host.minStability,
      onExports: (exports: Readonly<Record<string, unknown>>) => this.#publish(exports),
      getServiceData: (name: string) => this.#host.getServiceData(name),
    };
  }

  /** Records new exports unless equal to the current ones (spec §3.4). Never blocks. */
  #publish(exports: Readonly<Record<string, unknown>>): void {
    if (this.#exports !== undefined && deepEqual(exports, this.#exports)) return;
    this.#exports = exports;
    this.#exports$.next(exportsValue(exports, this.registration.exports!));
    this.#host.exportsChanged(this);
  }

  #succeeded(updated: boolean): Evaluation {
    this.#evalHealth = healthOf.evaluated(new Date());
    return { ok: true, updated };
  }

  #failed(result: Failed): Evaluation {
    this.#evalHealth = healthOf.evaluationFailed(result.reason, new Date());
    return result;
  }
}

