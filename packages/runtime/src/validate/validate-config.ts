import { decodeBody, NO_POSITION, references, string, type Diagnostic, type Expression, type File } from '@ingot/syntax';
import type { LookupOptions, Registry } from '../component/registry.js';
import { findCycles } from '../dag/cycles.js';
import type { Graph } from '../dag/graph.js';
import type { SourceBlock } from '../controller/classify.js';
import { loadGraph, type LoadScope } from '../controller/loader.js';
import type { GraphNode } from '../controller/node.js';
import { resolveReference } from '../controller/resolve-reference.js';
import { Variables } from '../controller/variables.js';
import type { Logger } from '../component/options.js';
import type { AnyImportSourceDefinition, ModuleContent } from '../modules/import-source.js';
import { parseModule } from '../modules/module-content.js';
import type { AnyServiceDefinition } from '../service/service.js';

export interface ValidateOptions {
  readonly registry: Registry;
  readonly lookup: LookupOptions;
  readonly services?: readonly AnyServiceDefinition[];
  readonly modulePath?: string;
  /** How the root's `logging` block decodes, to check it too. */
  readonly logging?: { readonly schema: import('@ingot/syntax').BodySchema };
  /**
   * The import kinds to follow: an import whose arguments are known without running
   * (literals, `module_path`, the standard library) is fetched and its module checked.
   * `git` is never followed (it would clone); a source that cannot be reached is reported.
   */
  readonly importSources?: readonly AnyImportSourceDefinition[];
}

/** What validation found, and the text of every imported file it read, for showing the errors in context. */
export interface Validation {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Every problem `ingot validate` reports (spec §5.4), without building or running anything:
 * the graph's errors (names, IDs, references, cycles), then each component's and
 * configured service's arguments decoded against its schema. A value that depends on
 * another component's exports is known only at run time: it counts as provided and is not
 * evaluated, so it can neither fail nor trip a validation that would need it.
 *
 * Cycles are worded as upstream's validator words them: once per node in the cycle,
 * positioned on its block, `cycle detected: <sorted ids>`; `cannot reference self`.
 */
export async function validateConfig(files: readonly File[], options: ValidateOptions): Promise<Validation> {
  const sources = new Map<string, string>();
  const diagnostics = await validateGraph(files, { ...options, sources }, { kind: 'root' }, () => false, options.modulePath ?? '');
  return { diagnostics, sources };
}

type Context = ValidateOptions & { readonly sources: Map<string, string> };

/**
 * Validates one graph: the root config, or a declare's body as a module. A declare's body
 * is checked where it is written, with the declares and imports around it visible; its
 * arguments are those it declares (values unknown, so deferred).
 */
async function validateGraph(
  files: readonly File[],
  options: Context,
  scopeKind: LoadScope,
  outer: (segment: string) => boolean,
  modulePath: string,
): Promise<Diagnostic[]> {
  const planned = loadGraph(files, {
    registry: options.registry,
    lookup: options.lookup,
    scope: scopeKind,
    services: new Map((options.services ?? []).map((service) => [service.name, service])),
    outer,
  });
  const { graph } = planned;
  const diagnostics: Diagnostic[] = planned.ok
    ? []
    : planned.diagnostics.filter((d) => !d.message.startsWith('cycle: ') && !d.message.startsWith('self reference: '));
  diagnostics.push(...cycleDiagnostics(graph));

  const scope = new Variables(new Map([['module_path', string(modulePath)]])).scope;
  const deferred = (expression: Expression) =>
    references(expression).some(
      (traversal) => resolveReference(traversal, (id) => graph.hasNode(id), () => true).kind === 'node',
    );
  for (const [, node] of graph.entries()) {
    const target = schemaOf(node, options);
    if (target === undefined) continue;
    const decoded = decodeBody(target.source.block.body, target.schema, scope, {
      filename: target.source.file,
      enclosing: target.source.block,
      deferred,
    });
    if (!decoded.ok) diagnostics.push(...decoded.diagnostics);
  }

  const defined = new Set<string>();
  for (const [, node] of graph.entries()) {
    if (node.kind === 'declare' || (node.kind === 'config' && node.name === 'import')) defined.add(node.source.block.label);
  }
  const visible = (segment: string) => defined.has(segment) || outer(segment);
  for (const [, node] of graph.entries()) {
    if (node.kind !== 'declare') continue;
    const { block, file } = node.source;
    const body: File = { kind: 'File', name: file, body: block.body, comments: [] };
    const argumentNames = block.body
      .filter((statement) => statement.kind === 'Block' && statement.name.join('.') === 'argument')
      .map((statement) => (statement as import('@ingot/syntax').Block).label);
    diagnostics.push(...(await validateGraph([body], options, { kind: 'module', arguments: argumentNames }, visible, modulePath)));
  }
  for (const [, node] of graph.entries()) {
    if (node.kind === 'config' && node.name === 'import') diagnostics.push(...(await validateImport(node.source, scope, deferred, options)));
  }
  return diagnostics;
}

/**
 * Fetches what an import block imports, when its arguments are known without running, and
 * checks the module: only declares and imports at its top level, then every declare's body,
 * positioned in the imported file.
 */
async function validateImport(
  source: SourceBlock,
  scope: import('@ingot/syntax').Scope,
  deferred: (expression: Expression) => boolean,
  options: Context,
): Promise<Diagnostic[]> {
  const kind = source.block.name[1]!;
  const definition = options.importSources?.find((candidate) => candidate.kind === kind);
  if (definition === undefined || kind === 'git') return [];
  let deferredValue = false;
  const decoded = decodeBody(source.block.body, definition.arguments, scope, {
    filename: source.file,
    enclosing: source.block,
    deferred: (expression) => (deferred(expression) ? (deferredValue = true) : false),
  });
  if (!decoded.ok) return [...decoded.diagnostics];
  if (deferredValue) return [];

  const at = (message: string): Diagnostic => ({ severity: 'error', message, file: source.file, start: source.block.start, end: source.block.end });
  const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
  let content: ModuleContent;
  let modulePath: string;
  try {
    const importSource = definition.create(decoded.value, { dataPath: '', logger: quiet, modulePath: '' });
    content = await importSource.fetch();
    modulePath = importSource.modulePath;
  } catch (error) {
    return [at(error instanceof Error ? error.message : String(error))];
  }
  const parsed = parseModule(content);
  if (!parsed.ok) return [at(parsed.message)];
  for (const [name, text] of content) options.sources.set(name, text);

  // One file per imported file, so that positions name the file they are in.
  const bodies = new Map<string, import('@ingot/syntax').Block[]>();
  for (const block of [...parsed.blocks.declares, ...parsed.blocks.imports]) {
    bodies.set(block.file, [...(bodies.get(block.file) ?? []), block.block]);
  }
  const files: File[] = [...bodies].map(([name, body]) => ({ kind: 'File', name, body, comments: [] }));
  // The module is checked as a graph of its own: only its own declares and imports are visible.
  return validateGraph(files, options, { kind: 'module', arguments: [] }, () => false, modulePath);
}

function schemaOf(
  node: GraphNode,
  options: ValidateOptions,
): { readonly source: SourceBlock; readonly schema: import('@ingot/syntax').BodySchema } | undefined {
  switch (node.kind) {
    case 'builtin':
      return { source: node.source, schema: node.registration.arguments };
    case 'service':
      return node.source !== undefined && node.definition.config !== undefined
        ? { source: node.source, schema: node.definition.config }
        : undefined;
    case 'config':
      return node.name === 'logging' && options.logging !== undefined ? { source: node.source, schema: options.logging.schema } : undefined;
    default:
      return undefined;
  }
}

function cycleDiagnostics(graph: Graph<GraphNode>): Diagnostic[] {
  const { cycles, selfReferences } = findCycles(graph);
  const at = (id: string, message: string): Diagnostic => {
    const node = graph.node(id);
    const source = node !== undefined && 'source' in node ? node.source : undefined;
    return {
      severity: 'error',
      message,
      file: source?.file ?? '',
      start: source?.block.start ?? NO_POSITION,
      ...(source === undefined ? {} : { end: source.block.end }),
    };
  };
  return [
    ...cycles.flatMap((cycle) => {
      const message = `cycle detected: ${[...cycle].sort().join(', ')}`;
      return cycle.map((id) => at(id, message)).sort(bySourcePosition);
    }),
    ...selfReferences.map((id) => at(id, 'cannot reference self')),
  ];
}

function bySourcePosition(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start.offset - b.start.offset;
}
