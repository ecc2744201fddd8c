import { stdlibIdentifier } from '@ingot/syntax';
import type { Graph } from '../dag/graph.js';
import { bodyReferences } from './body-references.js';
import type { GraphNode } from './node.js';
import { resolveReference } from './resolve-reference.js';

/**
 * Which way data flows between components (spec §1.6), for the UI's pipeline graph and the
 * `alloy_component_graph_connection` metric. A component referencing exactly one export of
 * another sends data there when that export is a receiver (`forward_to =
 * [pyroscope.write.x.receiver]`: data flows to the writer), and takes data from it
 * otherwise (`targets = discovery.relabel.r.output`: data flows from the relabeler).
 * Returns, for each component, the components its data flows to.
 */
export function dataFlowEdges(graph: Graph<GraphNode>): ReadonlyMap<string, readonly string[]> {
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    let targets = edges.get(from);
    if (targets === undefined) edges.set(from, (targets = new Set()));
    targets.add(to);
  };
  for (const [id, node] of graph.entries()) {
    if (node.kind !== 'builtin' && node.kind !== 'custom') continue;
    for (const traversal of bodyReferences(node.source.block.body)) {
      const resolution = resolveReference(traversal, (other) => graph.hasNode(other), (name) => stdlibIdentifier(name) !== undefined);
      if (resolution.kind !== 'node' || resolution.path.length !== 1) continue;
      const target = graph.node(resolution.id);
      if (target?.kind !== 'builtin' && target?.kind !== 'custom') continue;
      const intoTarget = target.kind === 'builtin' && (target.registration.receivers ?? []).includes(resolution.path[0]!);
      if (intoTarget) add(id, resolution.id);
      else add(resolution.id, id);
    }
  }
  return new Map([...edges].map(([from, targets]) => [from, [...targets]]));
}
