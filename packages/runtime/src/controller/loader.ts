import {
  byteLength,
  DEPRECATED_IDENTIFIERS,
  DEPRECATION_WARNING,
  EXPERIMENTAL_IDENTIFIERS,
  formatPosition,
  hasErrors,
  NO_POSITION,
  stdlibIdentifier,
  type Diagnostic,
  type File,
  type Traversal,
} from '@ingot/syntax';
import type { LookupOptions, Registry } from '../component/registry.js';
import type { AnyServiceDefinition } from '../service/service.js';
import { checkStability } from '../component/stability.js';
import { Graph } from '../dag/graph.js';
import { tryTopologicalOrder } from '../dag/topo.js';
import { blockId } from './block-id.js';
import { bodyReferences } from './body-references.js';
import { classify, type SourceBlock } from './classify.js';
import { cycleDiagnostics } from './cycle-diagnostics.js';
import type { ConfigBlockName, GraphNode } from './node.js';
import { resolveReference } from './resolve-reference.js';
import { templateUses } from './template-uses.js';

/** Where the graph lives: the root config, or a module given these argument names by its instance. */
export type LoadScope = { readonly kind: 'root' } | { readonly kind: 'module'; readonly arguments: readonly string[] };

/** A warning for the log, with upstream's message and fields. */
export interface LoadWarning {
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface LoadOptions {
  readonly registry: Registry;
  /** The `--stability.level` and community flags, which gate component types and `foreach`. */
  readonly lookup: LookupOptions;
  readonly scope: LoadScope;
  /**
   * Whether a block name's first segment is a custom component defined by an enclosing
   * scope (a module sees the declares and imports of the controllers around it, spec §4.4).
   */
  readonly outer?: (segment: string) => boolean;
  /** The process's services, by name: each has a node in the root graph (spec §1.3). */
  readonly services?: ReadonlyMap<string, AnyServiceDefinition>;
}

/**
 * A candidate graph. Only an acyclic graph without errors has an order to evaluate in;
 * a rejected one keeps its graph for tools that show what was understood.
 */
export type LoadResult =
  | {
      readonly ok: true;
      readonly graph: Graph<GraphNode>;
      /** Every node after everything it depends on: the order phase B evaluates in. */
      readonly nodes: readonly GraphNode[];
      /** What upstream logs as warnings while wiring: shadowed stdlib names, deprecated functions. */
      readonly warnings: readonly LoadWarning[];
    }
  | { readonly ok: false; readonly graph: Graph<GraphNode>; readonly diagnostics: readonly Diagnostic[] };

/**
 * Phase A of loading (spec §1.2–1.7): from parsed files, given in the order their
 * statements are concatenated (sorted by name), plans a fresh graph — declares, config
 * blocks, components, the edges their references make — and checks it for cycles. Nothing
 * is evaluated or decoded, and nothing live is touched: that is phase B, and only for an
 * `ok` result. Every phase-A error is collected, positioned and worded as upstream's.
 *
 * Not yet here: declares visible from enclosing controllers, and the wiring of a `foreach`
 * template (only its own attributes are wired).
 */
export function loadGraph(files: readonly File[], options: LoadOptions): LoadResult {
  const load = new PhaseA(options);
  const classified = classify(files, new Set(options.services?.keys()));
  load.diagnostics.push(...classified.diagnostics);
  load.addServices(classified.services);
  load.addDeclares(classified.declares);
  load.addConfigBlocks(classified.configBlocks);
  load.addComponents(classified.components);
  load.wire();
  // Kahn's order exists exactly when there is no cycle; only then is Tarjan's search skipped.
  const order = tryTopologicalOrder(load.graph);
  if (order === undefined) load.diagnostics.push(...cycleDiagnostics(load.graph));

  const { graph, diagnostics } = load;
  if (hasErrors(diagnostics)) return { ok: false, graph, diagnostics };
  return { ok: true, graph, nodes: order!.map((id) => graph.node(id)!), warnings: load.warnings };
}

/** The state of one phase-A run; `loadGraph` calls its steps in upstream's order. */
class PhaseA {
  readonly graph = new Graph<GraphNode>();
  readonly diagnostics: Diagnostic[] = [];
  readonly warnings: LoadWarning[] = [];
  /** Custom component names (declare labels, import namespaces) → the node holding the template. */
  readonly #definitions = new Map<string, string>();
  readonly #options: LoadOptions;

  constructor(options: LoadOptions) {
    this.#options = options;
  }

  /** One node per service at the root, configured by its block if the config has one. */
  addServices(blocks: readonly SourceBlock[]): void {
    const { scope, services, lookup } = this.#options;
    if (scope.kind === 'module') {
      for (const source of blocks) this.#error(source, `service blocks not allowed inside a module: "${blockId(source.block)}"`);
      return;
    }
    const configured = new Map<string, SourceBlock>();
    for (const source of blocks) {
      const id = blockId(source.block);
      const definition = services!.get(id)!;
      if (configured.has(id)) {
        this.#error(source, `duplicate definition of "${id}"`);
        continue;
      }
      if (definition.config === undefined) {
        this.#error(source, `service "${id}" does not support being configured`);
        continue;
      }
      const refusal = checkStability(`block "${id}"`, definition.stability, lookup.minStability);
      if (refusal !== undefined) {
        this.#error(source, refusal);
        continue;
      }
      configured.set(id, source);
    }
    for (const [id, definition] of services ?? []) {
      const source = configured.get(id);
      this.graph.addNode(id, source === undefined ? { kind: 'service', id, definition } : { kind: 'service', id, definition, source });
    }
  }

  addDeclares(declares: readonly SourceBlock[]): void {
    for (const source of declares) {
      if (source.block.label === 'declare') {
        this.#error(source, `'declare' is not a valid label for a declare block`);
        continue;
      }
      const id = blockId(source.block);
      if (!this.#isNew(id, source)) continue;
      this.graph.addNode(id, { kind: 'declare', id, source });
      this.#definitions.set(source.block.label, id);
    }
  }

  addConfigBlocks(blocks: readonly SourceBlock[]): void {
    const { scope, lookup } = this.#options;
    const added: { readonly name: ConfigBlockName; readonly source: SourceBlock }[] = [];
    for (const source of blocks) {
      const id = blockId(source.block);
      const name = configBlockName(source.block.name);
      if (!this.#isNew(id, source)) continue;
      if (name === 'foreach') {
        const refusal = checkStability('config block "foreach"', 'experimental', lookup.minStability);
        if (refusal !== undefined) {
          this.#error(source, refusal);
          continue;
        }
      }
      this.graph.addNode(id, { kind: 'config', id, name, source });
      if (name === 'import') this.#definitions.set(source.block.label, id);
      added.push({ name, source });
    }

    // Upstream checks where config blocks may appear only once they are all in the graph.
    for (const { name, source } of added) {
      const inModule = scope.kind === 'module';
      if (inModule && (name === 'logging' || name === 'tracing')) {
        this.#error(source, `${name} block not allowed inside a module`);
      } else if (!inModule && (name === 'argument' || name === 'export')) {
        this.#error(source, `${name} blocks only allowed inside a module`);
      }
    }
    if (scope.kind === 'module') {
      const declared = new Set(added.filter(({ name }) => name === 'argument').map(({ source }) => source.block.label));
      for (const argument of scope.arguments) {
        if (!declared.has(argument)) this.#unpositioned(`Provided argument "${argument}" is not defined in the module`);
      }
    } else {
      // The root always configures logging and tracing: with defaults when it has no block.
      for (const id of ['logging', 'tracing'] as const) {
        if (!this.graph.hasNode(id)) this.graph.addNode(id, { kind: 'default', id });
      }
    }
  }

  addComponents(components: readonly SourceBlock[]): void {
    const { registry, lookup } = this.#options;
    for (const source of components) {
      const id = blockId(source.block);
      if (!this.#isNew(id, source)) continue;

      // A declare or import namespace shadows builtins sharing its first segment (spec §4.4).
      const first = source.block.name[0]!;
      const definition = this.#definitions.get(first);
      if (definition !== undefined || this.#options.outer?.(first) === true) {
        this.graph.addNode(id, definition === undefined ? { kind: 'custom', id, source } : { kind: 'custom', id, source, definition });
        continue;
      }

      const name = source.block.name.join('.');
      const found = registry.lookup(name, lookup);
      if (!found.ok) {
        this.#error(source, found.message);
      } else if (source.block.label === '') {
        this.#error(source, `component "${name}" must have a label`);
      } else {
        this.graph.addNode(id, { kind: 'builtin', id, source, registration: found.registration });
      }
    }
  }

  /** Adds the edges of every node (spec §1.6), once all nodes exist. */
  wire(): void {
    const uses = new Map<string, readonly string[]>();
    const definitionIds = (names: Iterable<string>): string[] => [...names].map((name) => this.#definitions.get(name)!);
    for (const [id, node] of this.graph.entries()) {
      if (node.kind === 'declare') {
        uses.set(id, definitionIds(templateUses(node.source.block.body, (name) => this.#definitions.has(name))));
      }
    }

    for (const [id, node] of [...this.graph.entries()]) {
      switch (node.kind) {
        case 'default':
          break;
        case 'service':
          for (const dependency of node.definition.dependsOn) {
            if (this.graph.hasNode(dependency) && this.graph.node(dependency)!.kind === 'service') {
              this.graph.addEdge(id, dependency);
            } else {
              this.#unpositioned(`service "${id}" has invalid reference to service "${dependency}"`);
            }
          }
          if (node.source !== undefined) this.#wireBody(node, node.source);
          break;
        case 'declare':
          // Its references are evaluated inside each instance's controller, not here.
          for (const used of uses.get(id)!) this.graph.addEdge(id, used);
          break;
        case 'custom':
          if (node.definition !== undefined) {
            this.graph.addEdge(id, node.definition);
            for (const used of uses.get(node.definition) ?? []) this.graph.addEdge(id, used);
          }
          this.#wireBody(node, node.source);
          break;
        case 'builtin':
        case 'config':
          this.#wireBody(node, node.source);
          break;
      }
    }
  }

  #wireBody(node: GraphNode, source: SourceBlock): void {
    const body =
      node.kind === 'config' && node.name === 'foreach'
        ? source.block.body.filter((statement) => !(statement.kind === 'Block' && blockId(statement) === 'template'))
        : source.block.body;
    for (const traversal of bodyReferences(body)) {
      const resolution = resolveReference(traversal, (id) => this.graph.hasNode(id), (name) => this.#isScopeName(name));
      const first = traversal.names[0]!;
      if (resolution.kind === 'node') {
        this.graph.addEdge(node.id, resolution.id);
        if (stdlibIdentifier(first) !== undefined) {
          this.warnings.push({ message: 'a component is shadowing an existing stdlib name', fields: { component: resolution.id, 'stdlib name': first } });
        }
      } else if (resolution.kind === 'missing') {
        this.#at(source.file, traversal, resolution.message);
      } else {
        if (DEPRECATED_IDENTIFIERS.has(first) && traversal.names.length === 1) {
          this.warnings.push({ message: DEPRECATION_WARNING, fields: { function: first } });
        }
        this.#checkStdlibStability(source.file, traversal);
      }
    }
  }

  /** Names an expression may use without a node: the stdlib, `module_path`, and a module's `argument`. */
  #isScopeName(name: string): boolean {
    if (name === 'module_path') return true;
    if (name === 'argument') return this.#options.scope.kind === 'module';
    return stdlibIdentifier(name) !== undefined;
  }

  /** Experimental stdlib functions are refused where they are named, as upstream's loader does. */
  #checkStdlibStability(file: string, traversal: Traversal): void {
    const name = traversal.names.join('.');
    if (!EXPERIMENTAL_IDENTIFIERS.includes(name)) return;
    const refusal = checkStability(name, 'experimental', this.#options.lookup.minStability);
    if (refusal !== undefined) this.#at(file, traversal, refusal);
  }

  /**
   * Whether `id` is still free. If not, reports the duplicate at its name, spanning as many
   * bytes as the ID (upstream's span, label included), and names where the first one is.
   */
  #isNew(id: string, source: SourceBlock): boolean {
    const first = this.graph.node(id);
    if (first === undefined) return true;
    const firstSource = 'source' in first ? first.source : undefined;
    const where = firstSource?.block.start ?? NO_POSITION;
    const firstFile = firstSource?.file ?? '';
    const { start } = source.block;
    const length = byteLength(id);
    this.diagnostics.push({
      severity: 'error',
      message: `block ${id} already declared at ${formatPosition(where, firstFile)}`,
      file: source.file,
      start,
      end: { offset: start.offset + length - 1, line: start.line, column: start.column + length - 1 },
    });
    return false;
  }

  #error(source: SourceBlock, message: string): void {
    this.#at(source.file, source.block, message);
  }

  #at(file: string, span: Pick<Traversal, 'start' | 'end'>, message: string): void {
    this.diagnostics.push({ severity: 'error', message, file, start: span.start, end: span.end });
  }

  #unpositioned(message: string): void {
    this.diagnostics.push({ severity: 'error', message, file: '', start: NO_POSITION });
  }
}

/** Which config block a classified block is; every `import.*` source is the one kind `import`. */
function configBlockName(name: readonly string[]): ConfigBlockName {
  return name[0] === 'import' ? 'import' : (name.join('.') as Exclude<ConfigBlockName, 'import'>);
}
