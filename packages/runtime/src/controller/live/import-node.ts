import { decodeBody, formatDiagnostic, string, type Scope, type Value } from '@ingot/syntax';
import { healthOf, leastHealthy, type Health } from '../../component/health.js';
import type { Logger } from '../../component/options.js';
import { Definitions } from '../../modules/definitions.js';
import type { AnyImportSourceDefinition, ImportSource, ModuleContent } from '../../modules/import-source.js';
import { parseModule } from '../../modules/module-content.js';
import type { SourceBlock } from '../classify.js';
import { deepEqual } from '../deep-equal.js';
import { Variables } from '../variables.js';
import { failure, messageOf, type Evaluation } from './evaluation.js';

const PREFIX = 'Failed to evaluate node for config block: ';

/** What an import node needs from the controller that owns it. */
export interface ImportHost {
  sourceDefinition(kind: string): AnyImportSourceDefinition | undefined;
  /** Where its data goes: `<--storage.path>/<global id>`. */
  dataPath(id: string): string;
  readonly logger: Logger;
  /** `module_path` where the import block is written. */
  modulePath(): string;
  /** New content was taken: the instances that use it must load their templates again. */
  changed(node: ImportNode): void;
}

/**
 * An `import.<kind>` block (spec §4.6): fetches a module through its source, makes the
 * module's top-level declares visible under its label, and keeps watching. A fetch or parse
 * failure after the first success keeps the last good module and makes the node unhealthy.
 * Imports inside the imported content become children of this node: evaluated with it,
 * watched while it runs, and their changes are its changes.
 */
export class ImportNode {
  readonly kind = 'import';
  readonly id: string;
  readonly label: string;
  readonly sourceKind: string;
  readonly #host: ImportHost;
  #args: unknown;
  #source: ImportSource | undefined;
  #content: ModuleContent | undefined;
  #module: Definitions | undefined;
  #children: ImportNode[] = [];
  #evalHealth: Health;
  #runHealth: Health;
  #contentHealth: Health | undefined;
  /** Ends the current watch, so `run` watches the replacing source (or children). */
  #replaced: () => void = () => {};
  /** Re-fetches run one at a time. */
  #refreshing: Promise<void> = Promise.resolve();

  constructor(id: string, label: string, sourceKind: string, host: ImportHost) {
    this.id = id;
    this.label = label;
    this.sourceKind = sourceKind;
    this.#host = host;
    const now = new Date();
    this.#evalHealth = healthOf.created(now);
    this.#runHealth = healthOf.created(now);
  }

  /** The imported module's declares, once fetched. */
  get module(): Definitions | undefined {
    return this.#module;
  }

  get wantsToRun(): boolean {
    return this.#source !== undefined && this.#runHealth.state !== 'healthy';
  }

  health(): Health {
    const healths = [this.#runHealth, this.#evalHealth];
    if (this.#contentHealth !== undefined) healths.push(this.#contentHealth);
    const source = this.#source?.health?.();
    if (source !== undefined) healths.push(source);
    for (const child of this.#children) healths.push(child.health());
    return leastHealthy(healths[0]!, ...healths.slice(1));
  }

  async evaluate(scope: Scope, source: SourceBlock): Promise<Evaluation> {
    const result = await this.#evaluate(scope, source);
    this.#evalHealth = result.ok ? healthOf.evaluated(new Date()) : healthOf.evaluationFailed(result.reason, new Date());
    return result;
  }

  async #evaluate(scope: Scope, source: SourceBlock): Promise<Evaluation> {
    const definition = this.#host.sourceDefinition(this.sourceKind);
    if (definition === undefined) return failure(source, PREFIX, `unsupported import source "import.${this.sourceKind}"`);
    const decoded = decodeBody(source.block.body, definition.arguments, scope, { filename: source.file, enclosing: source.block });
    if (!decoded.ok) return failure(source, PREFIX, formatDiagnostic(decoded.diagnostics[0]!));
    if (this.#source !== undefined && deepEqual(decoded.value, this.#args)) return { ok: true, updated: false };

    const next = definition.create(decoded.value, {
      dataPath: this.#host.dataPath(this.id),
      logger: this.#host.logger,
      modulePath: this.#host.modulePath(),
    });
    let content: ModuleContent;
    try {
      content = await next.fetch();
    } catch (error) {
      return failure(source, PREFIX, messageOf(error));
    }
    // Content that is not a valid module only makes the node unhealthy (spec §4.6): the
    // instances that need it then fail to find their template.
    await this.#take(content, next);
    this.#source = next;
    this.#args = decoded.value;
    this.#replaced();
    return { ok: true, updated: true };
  }

  /**
   * Watches the current source, and the children's, until `signal` aborts; when new
   * arguments replace the source, watching moves to the new one.
   */
  async run(signal: AbortSignal): Promise<void> {
    if (this.#source === undefined) throw new Error('import source not evaluated');
    this.#runHealth = { state: 'healthy', message: 'started import', updateTime: new Date() };
    try {
      while (!signal.aborted) {
        const source = this.#source;
        const watching = new AbortController();
        const stop = () => watching.abort();
        signal.addEventListener('abort', stop, { once: true });
        this.#replaced = stop;
        await Promise.all([
          source.watch(watching.signal, () => this.#refresh(source)),
          ...this.#children.map((child) => child.run(watching.signal).catch(() => undefined)),
        ]);
        signal.removeEventListener('abort', stop);
      }
      this.#runHealth = healthOf.exited(undefined, new Date());
    } catch (error) {
      this.#runHealth = healthOf.exited(messageOf(error), new Date());
      throw error;
    }
  }

  /** Fetches again after a change was noticed; keeps the last module on failure. */
  #refresh(source: ImportSource): void {
    this.#refreshing = this.#refreshing.then(async () => {
      if (source !== this.#source) return;
      let content: ModuleContent;
      try {
        content = await source.fetch();
      } catch (error) {
        this.#host.logger.warn('failed to fetch imported content; the last good module stays', { node: this.id, err: messageOf(error) });
        this.#contentHealth = { state: 'unhealthy', message: messageOf(error), updateTime: new Date() };
        return;
      }
      if (this.#content !== undefined && deepEqual(content, this.#content)) {
        // The last good content is back (after a failed fetch or refused content): healthy again.
        this.#contentHealth = undefined;
        return;
      }
      const problem = await this.#take(content, source);
      if (problem === undefined) this.#host.changed(this);
    });
  }

  /**
   * Makes `content` the module if it is a valid one, with its nested imports evaluated;
   * otherwise keeps the current module and returns why, also shown as the node's health.
   */
  async #take(content: ModuleContent, source: ImportSource): Promise<string | undefined> {
    const parsed = parseModule(content);
    if (!parsed.ok) return this.#unhealthy(parsed.message);
    const module = new Definitions();
    const children: ImportNode[] = [];
    const scope = new Variables(new Map<string, Value>([['module_path', string(source.modulePath)]])).scope;
    for (const child of parsed.blocks.imports) {
      const kind = child.block.name[1]!;
      if (this.sourceKind === 'http' && kind === 'file') {
        return this.#unhealthy(
          `importing a module via import.http (nodeID: ${this.id}) that contains an import.file block is not supported`,
        );
      }
      const node = new ImportNode(`${this.id}/import.${kind}.${child.block.label}`, child.block.label, kind, {
        ...this.#host,
        modulePath: () => source.modulePath,
        changed: () => this.#refreshAll(),
      });
      const evaluation = await node.evaluate(scope, child);
      if (!evaluation.ok) {
        return this.#unhealthy(`nested import block failed to evaluate: imported node ${child.block.label} failed to evaluate, ${evaluation.reason}`);
      }
      if (node.module !== undefined) module.import(child.block.label, node.module);
      children.push(node);
    }
    for (const { block, file } of parsed.blocks.declares) {
      module.declare(block.label, { block, file, scope: module, modulePath: source.modulePath });
    }
    this.#content = content;
    this.#module = module;
    const childrenChanged = this.#children !== children;
    this.#children = children;
    this.#contentHealth = undefined;
    if (childrenChanged) this.#replaced();
    return undefined;
  }

  /** A nested import changed: rebuild this module from the current content. */
  #refreshAll(): void {
    const source = this.#source;
    if (source === undefined) return;
    this.#content = undefined;
    this.#refresh(source);
  }

  #unhealthy(message: string): string {
    this.#host.logger.warn('imported content was refused; the last good module stays', { node: this.id, err: message });
    this.#contentHealth = { state: 'unhealthy', message, updateTime: new Date() };
    return message;
  }
}
