import { decodeBody, NO_POSITION, references, string, type Diagnostic, type Expression, type File } from '@ingot/syntax';
import type { LookupOptions, Registry } from '../component/registry.js';
import { findCycles } from '../dag/cycles.js';
import type { Graph } from '../dag/graph.js';
import type { SourceBlock } from '../controller/classify.js';
import { loadGraph, type LoadScope } from '../controller/loader.js';
import type { GraphNode } from '../controller/node.js';
import { resolveReference } from '../controller/resolve-reference.js';
import { Variables } from '../controller/variables.js';
import type { AnyServiceDefinition } from '../service/service.js';

export interface ValidateOptions {
  readonly registry: Registry;
  readonly lookup: LookupOptions;
  readonly services?: readonly AnyServiceDefinition[];
  readonly modulePath?: string;
  /** How the root's `logging` block decodes, to check it too. */
  readonly logging?: { readonly schema: import('@ingot/syntax').BodySchema };
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
export function validateConfig(files: readonly File[], options: ValidateOptions): Diagnostic[] {
  return validateGraph(files, options, { kind: 'root' }, () => false);
}

/**
 * Validates one graph: the root config, or a declare's body as a module. A declare's body
 * is checked where it is written, with the declares and imports around it visible; its
 * arguments are those it declares (values unknown, so deferred).
 */
function validateGraph(
  files: readonly File[],
  options: ValidateOptions,
  scopeKind: LoadScope,
  outer: (segment: string) => boolean,
): Diagnostic[] {
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

  const scope = new Variables(new Map([['module_path', string(options.modulePath ?? '')]])).scope;
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
    diagnostics.push(...validateGraph([body], options, { kind: 'module', arguments: argumentNames }, visible));
  }
  return diagnostics;
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
