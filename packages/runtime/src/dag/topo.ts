import type { Graph } from './graph.js';

/**
 * Orders the graph's nodes so that every node comes after everything it depends on
 * (Kahn's algorithm). Among nodes that are ready at the same time, insertion order wins,
 * so the order is deterministic. Evaluation walks this order; starting components walks it
 * too, stopping walks it reversed.
 *
 * Throws on a cycle: the loader rejects cyclic graphs (see `cycles.ts`) before anything
 * walks them, so reaching one here is a bug.
 */
export function topologicalOrder(graph: Graph<unknown>): string[] {
  const { order, waitingOn } = kahn(graph);
  if (order.length !== graph.size) {
    const stuck = [...graph.ids()].filter((id) => waitingOn.get(id)! > 0);
    throw new Error(`graph has a cycle through ${stuck.join(', ')}`);
  }
  return order;
}

/**
 * The topological order, or `undefined` when the graph has a cycle (a self-reference
 * included). Linear, so the loader tries it first and looks for the cycles themselves only
 * when there are some.
 */
export function tryTopologicalOrder(graph: Graph<unknown>): string[] | undefined {
  const { order } = kahn(graph);
  return order.length === graph.size ? order : undefined;
}

/** Kahn's algorithm: as much of the order as exists, and how many dependencies each node still waits on. */
function kahn(graph: Graph<unknown>): { order: string[]; waitingOn: Map<string, number> } {
  const waitingOn = new Map<string, number>();
  const ready: string[] = [];
  for (const id of graph.ids()) {
    const count = graph.dependencies(id).size;
    waitingOn.set(id, count);
    if (count === 0) ready.push(id);
  }

  const order: string[] = [];
  // `ready` is consumed from the front by index: a queue without O(n) shifts.
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next]!;
    order.push(id);
    for (const dependant of graph.dependants(id)) {
      const remaining = waitingOn.get(dependant)! - 1;
      waitingOn.set(dependant, remaining);
      if (remaining === 0) ready.push(dependant);
    }
  }

  return { order, waitingOn };
}
