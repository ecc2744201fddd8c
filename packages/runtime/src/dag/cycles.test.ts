import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycles, stronglyConnectedComponents } from './cycles.js';
import { Graph } from './graph.js';
import { topologicalOrder } from './topo.js';

function graphOf(ids: readonly string[], edges: readonly (readonly [string, string])[]): Graph<null> {
  const graph = new Graph<null>();
  for (const id of ids) graph.addNode(id, null);
  for (const [from, to] of edges) graph.addEdge(from, to);
  return graph;
}

describe('stronglyConnectedComponents', () => {
  it('finds each loop once, in stack-pop order, dependencies first', () => {
    const graph = graphOf(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
        ['d', 'e'],
        ['e', 'd'],
      ],
    );
    expect(stronglyConnectedComponents(graph)).toEqual([['e', 'd'], ['c', 'b', 'a']]);
  });

  it('makes every node of an acyclic graph its own component', () => {
    const graph = graphOf(['a', 'b'], [['a', 'b']]);
    expect(stronglyConnectedComponents(graph)).toEqual([['b'], ['a']]);
  });

  it('handles a long cycle without recursion', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const graph = graphOf(ids, ids.map((id, i) => [id, ids[(i + 1) % ids.length]!] as const));
    const components = stronglyConnectedComponents(graph);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(ids.length);
  });

  it('partitions the nodes, and a graph is acyclic exactly when the topological walk succeeds', () => {
    const arbitraryGraph = fc.integer({ min: 1, max: 12 }).chain((size) =>
      fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 30 })),
    );
    fc.assert(
      fc.property(arbitraryGraph, ([size, edges]) => {
        const ids = Array.from({ length: size }, (_, i) => `n${i}`);
        const graph = graphOf(ids, edges.map(([a, b]) => [`n${a}`, `n${b}`] as const));
        expect(stronglyConnectedComponents(graph).flat().sort()).toEqual([...ids].sort());
        const { cycles, selfReferences } = findCycles(graph);
        const acyclic = cycles.length === 0 && selfReferences.length === 0;
        let ordered = true;
        try {
          topologicalOrder(graph);
        } catch {
          ordered = false;
        }
        expect(ordered).toBe(acyclic);
      }),
    );
  });
});

describe('findCycles', () => {
  it('reports loops of two or more nodes and self references apart', () => {
    const graph = graphOf(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'c'],
      ],
    );
    expect(findCycles(graph)).toEqual({ cycles: [['b', 'a']], selfReferences: ['c'] });
  });

  it('finds nothing in an acyclic graph', () => {
    expect(findCycles(graphOf(['a', 'b'], [['a', 'b']]))).toEqual({ cycles: [], selfReferences: [] });
  });
});
