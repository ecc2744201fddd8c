import { decodeBody, mapBlock, object, summarizeDiagnostics, t, type Diagnostic, type Scope, type Value } from '@ingot/syntax';
import { BehaviorSubject, type Observable } from 'rxjs';
import { customHealthOf, leastHealthy, type Health } from '../../component/health.js';
import { templateDigest, type Definitions, type Template } from '../../modules/definitions.js';
import type { SourceBlock } from '../classify.js';
import { valueMapsEqual } from '../deep-equal.js';
import { failure, messageOf, type Evaluation } from './evaluation.js';

/** An instance's attributes, each any value; blocks are refused (spec §4.2). */
const InstanceArguments = mapBlock(t.any);

/** The nested controller of an instance, as this node uses it. */
export interface ModuleController {
  /** Loads the template with these arguments; `diagnostics` are errors (none: success). */
  loadModule(template: Template, args: ReadonlyMap<string, Value>): Promise<{ readonly diagnostics: readonly Diagnostic[]; readonly fatal: boolean }>;
  run(signal: AbortSignal): Promise<void>;
}

/** What a custom component node needs from the controller that owns it. */
export interface CustomComponentHost {
  /** The definitions visible from the owning controller, current at the time of the call. */
  definitions(): Definitions;
  /** Creates the instance's nested controller; `onExports` is called when its exports change. */
  createModule(globalId: string, onExports: (exports: ReadonlyMap<string, Value>) => void): ModuleController;
  /** Module controllers by ID, for the API; a duplicate registration is refused. */
  registerModule(globalId: string, controller: ModuleController): () => void;
  exportsChanged(node: CustomComponentNode): void;
}

/**
 * An instance of a custom component (spec §4.5): its attributes become the arguments of a
 * nested controller that runs the template; the template's `export` blocks are its exports.
 * The template is loaded again on every evaluation (a reload may have changed it); the
 * nested load keeps everything whose arguments did not change.
 */
export class CustomComponentNode {
  readonly kind = 'custom';
  readonly id: string;
  readonly globalId: string;
  /** The block name as written, e.g. `math.add`. */
  readonly name: string;
  #source: SourceBlock;
  #module: ModuleController | undefined;
  #arguments: ReadonlyMap<string, Value> = new Map();
  /** What the module was last loaded from without errors (template and definitions digests). */
  #loadedKey: string | undefined;
  readonly #exports$ = new BehaviorSubject<Value>(object(new Map()));
  #exports: ReadonlyMap<string, Value> = new Map();
  #evalHealth: Health;
  #runHealth: Health;
  #running = false;
  #exitedWithError = false;
  readonly #host: CustomComponentHost;

  constructor(id: string, globalId: string, source: SourceBlock, host: CustomComponentHost) {
    this.id = id;
    this.globalId = globalId;
    this.name = source.block.name.join('.');
    this.#source = source;
    this.#host = host;
    const now = new Date();
    this.#evalHealth = customHealthOf.created(now);
    this.#runHealth = this.#evalHealth;
  }

  get source(): SourceBlock {
    return this.#source;
  }

  get exports$(): Observable<Value> {
    return this.#exports$;
  }

  get exportsValue(): Value {
    return this.#exports$.value;
  }

  get exportsMap(): ReadonlyMap<string, Value> {
    return this.#exports;
  }

  get argumentsMap(): ReadonlyMap<string, Value> {
    return this.#arguments;
  }

  get built(): boolean {
    return this.#module !== undefined;
  }

  get wantsToRun(): boolean {
    return this.#module !== undefined && !this.#running && (this.#runHealth.state !== 'exited' || this.#exitedWithError);
  }

  health(): Health {
    return leastHealthy(this.#runHealth, this.#evalHealth);
  }

  evaluate(scope: Scope, source: SourceBlock = this.#source): Evaluation | Promise<Evaluation> {
    this.#source = source;
    const result = this.#evaluate(scope, source);
    return result instanceof Promise ? result.then((done) => this.#record(done)) : this.#record(result);
  }

  #record(result: Evaluation): Evaluation {
    const now = new Date();
    this.#evalHealth = result.ok ? customHealthOf.evaluated(now) : customHealthOf.evaluationFailed(result.reason, now);
    return result;
  }

  #evaluate(scope: Scope, source: SourceBlock): Evaluation | Promise<Evaluation> {
    const decoded = decodeBody(source.block.body, InstanceArguments, scope, { filename: source.file, enclosing: source.block });
    if (!decoded.ok) {
      return { ok: false, diagnostics: decoded.diagnostics, reason: `decoding configuration: ${summarizeDiagnostics(decoded.diagnostics)}` };
    }
    const args = new Map(Object.entries(decoded.value));

    const template = this.#host.definitions().find(source.block.name);
    if (template === undefined) {
      const [first, ...rest] = source.block.name;
      const [namespace, name] = rest.length === 0 ? ['', first!] : [first!, rest.join('.')];
      return failure(
        source,
        'Failed to build component: ',
        `loading custom component controller: custom component config not found in the registry, namespace: ${JSON.stringify(namespace)}, componentName: ${JSON.stringify(name)}`,
      );
    }

    // Same arguments, same templates in sight: loading again would change nothing. This is
    // what keeps a reload of a thousand instances cheap when one of them changed.
    const key = `${templateDigest(template)}/${template.scope.fingerprint()}`;
    const changed = !valueMapsEqual(args, this.#arguments);
    if (!changed && key === this.#loadedKey) return { ok: true, updated: false };

    try {
      this.#module ??= this.#host.createModule(this.globalId, (exports) => this.#publish(exports));
    } catch (error) {
      return failure(source, 'Failed to build component: ', `creating custom component controller: ${messageOf(error)}`);
    }
    return this.#load(this.#module, template, args, key, changed);
  }

  async #load(
    module: ModuleController,
    template: Template,
    args: ReadonlyMap<string, Value>,
    key: string,
    changed: boolean,
  ): Promise<Evaluation> {
    const loaded = await module.loadModule(template, args);
    this.#arguments = args;
    this.#loadedKey = loaded.diagnostics.length > 0 ? undefined : key;
    if (loaded.diagnostics.length > 0) {
      // The inner diagnostics point into the template: they are reported as they are.
      return { ok: false, diagnostics: loaded.diagnostics, reason: `updating custom component: ${summarizeDiagnostics(loaded.diagnostics)}` };
    }
    return { ok: true, updated: changed };
  }

  async run(signal: AbortSignal): Promise<void> {
    const module = this.#module;
    if (module === undefined) throw new Error('managed component not built');
    const unregister = this.#host.registerModule(this.globalId, module);
    this.#running = true;
    this.#runHealth = customHealthOf.started(new Date());
    try {
      await module.run(signal);
      this.#exitedWithError = false;
      this.#runHealth = customHealthOf.exited(undefined, new Date());
    } catch (error) {
      this.#exitedWithError = true;
      this.#runHealth = customHealthOf.exited(messageOf(error), new Date());
      throw error;
    } finally {
      this.#running = false;
      unregister();
    }
  }

  #publish(exports: ReadonlyMap<string, Value>): void {
    this.#exports = exports;
    this.#exports$.next(object(new Map(exports)));
    this.#host.exportsChanged(this);
  }
}
