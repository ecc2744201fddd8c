import type { Graph } from './graph.js';

/** What is wrong with a graph that must be acyclic. */
export interface Cycles {
  /** Strongly connected components of two or more nodes, each in Tarjan's stack-pop order. */
  readonly cycles: readonly (readonly string[])[];
  /** Nodes with an edge to themselves. */
  readonly selfReferences: readonly string[];
}

/** Finds every cycle in the graph; both lists are empty when the graph is acyclic. */
export function findCycles(graph: Graph<unknown>): Cycles {
  const cycles = stronglyConnectedComponents(graph).filter((component) => component.length > 1);
  const selfReferences = [...graph.ids()].filter((id) => graph.hasEdge(id, id));
  return { cycles, selfReferences };
}

/**
 * Tarjan's strongly connected components, following edges from dependant to dependency.
 * Each component lists its nodes in the order they are popped off Tarjan's stack, as
 * upstream reports them; components come out dependencies first.
 *
 * Iterative rather than recursive, so a chain of a hundred thousand components cannot
 * overflow the call stack.
 */
export function stronglyConnectedComponents(graph: Graph<unknown>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let nextIndex = 0;

  interface Frame {
    readonly id: string;
    readonly successors: Iterator<string>;
  }

  const enter = (id: string, frames: Frame[]): void => {
    index.set(id, nextIndex);
    lowLink.set(id, nextIndex);
    nextIndex++;
    stack.push(id);
    onStack.add(id);
    frames.push({ id, successors: graph.dependencies(id)[Symbol.iterator]() });
  };

  for (const root of graph.ids()) {
    if (index.has(root)) continue;
    const frames: Frame[] = [];
    enter(root, frames);

    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const step = frame.successors.next();
      if (!step.done) {
        const successor = step.value;
        if (!index.has(successor)) {
          enter(successor, frames);
        } else if (onStack.has(successor)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, index.get(successor)!));
        }
        continue;
      }

      // Every successor visited: close the frame, propagate its low link to the parent.
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) {
        lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!));
      }
      if (lowLink.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}
