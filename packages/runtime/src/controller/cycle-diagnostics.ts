import { NO_POSITION, type Diagnostic } from '@ingot/syntax';
import { findCycles } from '../dag/cycles.js';
import type { Graph } from '../dag/graph.js';

/**
 * One error per cycle and per self reference in the graph, worded as upstream's loader
 * (spec §1.7): `cycle: <id>, <id>, …` and `self reference: <id>`. They carry no position,
 * as upstream's. Unlike upstream, whose order follows Go map iteration, the order is
 * deterministic: the graph's insertion order.
 */
export function cycleDiagnostics(graph: Graph<unknown>): Diagnostic[] {
  const { cycles, selfReferences } = findCycles(graph);
  const error = (message: string): Diagnostic => ({ severity: 'error', message, file: '', start: NO_POSITION });
  return [
    ...cycles.map((cycle) => error(`cycle: ${cycle.join(', ')}`)),
    ...selfReferences.map((id) => error(`self reference: ${id}`)),
  ];
}
