import { decodeBody, summarizeDiagnostics, type Scope } from '@ingot/syntax';
import { healthOf, type Health } from '../../component/health.js';
import type { AnyServiceDefinition } from '../../service/service.js';
import type { SourceBlock } from '../classify.js';
import { deepEqual } from '../deep-equal.js';
import { EVALUATED, failure, messageOf, type Evaluation } from './evaluation.js';

/**
 * A service's node in the root graph (spec §1.3): configured by its block, or by an empty
 * body (its defaults) when the config has none, and run like a component.
 */
export class ServiceNode {
  readonly kind = 'service';
  readonly id: string;
  readonly definition: AnyServiceDefinition;
  #config: unknown;
  #configured = false;
  #running = false;
  #runHealth: Health = healthOf.created(new Date());

  constructor(definition: AnyServiceDefinition) {
    this.id = definition.name;
    this.definition = definition;
  }

  get wantsToRun(): boolean {
    return !this.#running && this.#runHealth.state !== 'exited';
  }

  async evaluate(scope: Scope, source: SourceBlock | undefined): Promise<Evaluation> {
    const schema = this.definition.config;
    if (schema === undefined) return EVALUATED;
    const decoded = decodeBody(source?.block.body ?? [], schema, scope, {
      filename: source?.file ?? '',
      ...(source === undefined ? {} : { enclosing: source.block }),
    });
    if (!decoded.ok) {
      return { ok: false, diagnostics: decoded.diagnostics, reason: summarizeDiagnostics(decoded.diagnostics) };
    }
    if (this.#configured && deepEqual(decoded.value, this.#config)) return EVALUATED;
    try {
      await this.definition.service.update(decoded.value);
    } catch (error) {
      return failure(source, 'Failed to evaluate service: ', messageOf(error));
    }
    this.#config = decoded.value;
    this.#configured = true;
    return { ok: true, updated: true };
  }

  async run(signal: AbortSignal): Promise<void> {
    this.#running = true;
    this.#runHealth = healthOf.started(new Date());
    try {
      await this.definition.service.run(signal);
      this.#runHealth = healthOf.exited(undefined, new Date());
    } catch (error) {
      this.#runHealth = healthOf.exited(messageOf(error), new Date());
      throw error;
    } finally {
      this.#running = false;
    }
  }
}
